package descent.app.presenter;

import java.util.List;

/**
 * The two themes, both on AtlantaFX's Primer pair of stylesheets (GitHub's colours, tuned for
 * contrast). The app's own stylesheet comes on top of either; the dark one adds {@code
 * descent-dark.css}, which darkens the app's own chrome and keeps the plots and teaching views on
 * light paper (ADR 0026).
 */
public enum Theme {
  LIGHT("light", css("/atlantafx/base/theme/primer-light.css"), List.of()),
  DARK(
      "dark",
      css("/atlantafx/base/theme/primer-dark.css"),
      List.of(css("/descent/app/descent-dark.css")));

  private final String id;
  private final String base;
  private final List<String> overlays;

  Theme(String id, String base, List<String> overlays) {
    this.id = id;
    this.base = base;
    this.overlays = overlays;
  }

  /**
   * A stylesheet's URL. AtlantaFX's stylesheets are read straight from its jar: its classes ({@code
   * PrimerLight} and so on) are compiled for Java 21, and the app is built for Java 17.
   */
  private static String css(String resource) {
    return Theme.class.getResource(resource).toExternalForm();
  }

  /** The name in the preferences file. */
  public String id() {
    return id;
  }

  /** AtlantaFX's stylesheet, the scene's user-agent stylesheet. */
  public String userAgentStylesheet() {
    return base;
  }

  /** Stylesheets added after the app's own. */
  public List<String> overlays() {
    return overlays;
  }

  public Theme other() {
    return this == LIGHT ? DARK : LIGHT;
  }

  /** The theme named {@code id}; light for anything else. */
  public static Theme of(String id) {
    return "dark".equals(id) ? DARK : LIGHT;
  }
}
