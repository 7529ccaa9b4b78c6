package descent.app.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The themes' stylesheets are AtlantaFX's Primer pair less the selectors nothing in the app can
 * match (ADR 0034): they are what {@link ThemeTrimmer} makes of AtlantaFX's files today, and every
 * Primer selector that matches a node of the window, in each view and each theme, is in them.
 *
 * <p>After a change of AtlantaFX, JavaFX, ControlsFX or Ikonli, or once the app gives nodes a style
 * class it did not use before, regenerate them: {@code ./mvnw test -Dtest=TrimmedThemesTest
 * -Ddescent.regenerateThemes=true -Dspotless.check.skip=true}.
 */
@ExtendWith(ApplicationExtension.class)
class TrimmedThemesTest {
  private static final Path RESOURCES = Path.of("src/main/resources/descent/app/presenter");

  private Stage stage;
  private TrainingSession session;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  /** AtlantaFX's own stylesheet of {@code theme}, from its jar. */
  private static URL atlantafx(Theme theme) {
    return ThemeTrimmer.class.getResource("/atlantafx/base/theme/primer-" + theme.id() + ".css");
  }

  private static String header(Theme theme) {
    String name = "primer-" + theme.id() + ".css";
    return "/* Descent's copy of AtlantaFX 2.1.0's "
        + name
        + ", trimmed for start-up (ADR 0034): its rules in its\n"
        + "   order, less the selectors naming a style class that nothing in the app can give a"
        + " node.\n"
        + "   Made by src/test/java/descent/app/presenter/ThemeTrimmer.java; do not edit, make it"
        + " again:\n"
        + "     ./mvnw test -Dtest=TrimmedThemesTest -Ddescent.regenerateThemes=true"
        + " -Dspotless.check.skip=true\n"
        + "   primer-"
        + theme.id()
        + ".bss beside it is the same sheet in JavaFX's binary form, which JavaFX loads"
        + " instead.\n\n"
        + "   AtlantaFX, https://github.com/mkpaz/atlantafx: Copyright (c) mkpaz, MIT License.\n"
        + "   Permission is hereby granted, free of charge, to any person obtaining a copy of this"
        + " software\n"
        + "   and associated documentation files (the \"Software\"), to deal in the Software"
        + " without\n"
        + "   restriction, including without limitation the rights to use, copy, modify, merge,"
        + " publish,\n"
        + "   distribute, sublicense, and/or sell copies of the Software, and to permit persons to"
        + " whom the\n"
        + "   Software is furnished to do so, subject to the following conditions: The above"
        + " copyright\n"
        + "   notice and this permission notice shall be included in all copies or substantial"
        + " portions of\n"
        + "   the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND,"
        + " EXPRESS OR\n"
        + "   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR"
        + " A\n"
        + "   PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT"
        + " HOLDERS BE\n"
        + "   LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,"
        + " TORT OR\n"
        + "   OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR"
        + " OTHER\n"
        + "   DEALINGS IN THE SOFTWARE. */\n";
  }

  /** The string constants of JavaFX, ControlsFX, Ikonli and the app: the style classes in use. */
  private static Set<String> constants() throws IOException {
    return ThemeTrimmer.stringConstants(
        List.of(
            ThemeTrimmer.home(javafx.beans.value.ObservableValue.class),
            ThemeTrimmer.home(Node.class),
            ThemeTrimmer.home(javafx.scene.control.Button.class),
            ThemeTrimmer.home(org.controlsfx.control.NotificationPane.class),
            ThemeTrimmer.home(FontIcon.class),
            ThemeTrimmer.home(MainView.class)));
  }

  @Test
  void theThemesAreAtlantaFxsLessWhatNothingCanMatch() throws Exception {
    Set<String> constants = constants();
    boolean regenerate = Boolean.getBoolean("descent.regenerateThemes");
    for (Theme theme : Theme.values()) {
      String source;
      try (InputStream in = atlantafx(theme).openStream()) {
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String css =
          header(theme) + ThemeTrimmer.trim(source, c -> ThemeTrimmer.mayAppear(c, constants));
      Path cssFile = RESOURCES.resolve("primer-" + theme.id() + ".css");
      Path bssFile = RESOURCES.resolve("primer-" + theme.id() + ".bss");
      if (regenerate) {
        Files.createDirectories(RESOURCES);
        Files.writeString(cssFile, css);
        Stylesheet.convertToBinary(cssFile.toFile(), bssFile.toFile());
      }
      String outOfDate = " is out of date: see this test's comment to make it again";
      assertThat(Files.readString(cssFile).equals(css)).as(cssFile + outOfDate).isTrue();

      // it parses cleanly, and its binary form beside it holds the same rules
      CssParser.errorsProperty().clear();
      Stylesheet trimmed = new CssParser().parse(cssFile.toUri().toURL());
      assertThat(CssParser.errorsProperty()).as(cssFile.toString()).isEmpty();
      List<String> binary = rules(Stylesheet.loadBinary(bssFile.toUri().toURL()));
      assertThat(binary.equals(rules(trimmed))).as(bssFile + outOfDate).isTrue();

      // and it drops a good part of AtlantaFX's selectors
      int all = selectors(new CssParser().parse(atlantafx(theme))).size();
      assertThat(selectors(trimmed).size()).as(theme.id()).isLessThan(all * 3 / 4);
    }
  }

  /**
   * Every rule of {@code sheet}: its selectors and the properties it sets (not their values: a URL
   * prints differently once read from the binary form).
   */
  private static List<String> rules(Stylesheet sheet) {
    return sheet.getRules().stream()
        .map(
            r ->
                r.getSelectors()
                    + " "
                    + r.getDeclarations().stream().map(d -> d.getProperty()).toList())
        .toList();
  }

  /** Every selector of {@code sheet}, as JavaFX prints it. */
  private static Set<String> selectors(Stylesheet sheet) {
    Set<String> out = new LinkedHashSet<>();
    for (Rule r : sheet.getRules()) {
      for (Selector s : r.getSelectors()) {
        out.add(s.toString());
      }
    }
    return out;
  }

  private static void walk(Node node, List<Node> out) {
    out.add(node);
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, out);
      }
    }
  }

  /** The AtlantaFX selectors that match a node of the window now but are not in the app's copy. */
  private Set<String> missing(Theme theme) throws Exception {
    List<Selector> full = new ArrayList<>();
    for (Rule r : new CssParser().parse(atlantafx(theme)).getRules()) {
      full.addAll(r.getSelectors());
    }
    Set<String> kept =
        selectors(
            new CssParser()
                .parse(RESOURCES.resolve("primer-" + theme.id() + ".css").toUri().toURL()));
    return WaitForAsyncUtils.asyncFx(
            () -> {
              List<Node> nodes = new ArrayList<>();
              walk(stage.getScene().getRoot(), nodes);
              Set<String> out = new HashSet<>();
              for (Selector s : full) {
                if (!kept.contains(s.toString()) && nodes.stream().anyMatch(s::applies)) {
                  out.add(s.toString());
                }
              }
              return out;
            })
        .get();
  }

  @Test
  void everyPrimerSelectorTheWindowMatchesIsKept(FxRobot robot) throws Exception {
    MainView view = (MainView) stage.getScene().getRoot();
    for (Theme theme : Theme.values()) {
      robot.interact(() -> view.presenter().themeProperty().set(theme));
      for (int i = 0; i < 5; i++) {
        int index = i;
        robot.interact(() -> view.teaching().show(index, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(missing(theme)).as(theme.id() + ", view " + index).isEmpty();
      }
      robot.interact(() -> view.teaching().show(2, true));
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(missing(theme)).as(theme.id() + ", two views").isEmpty();
      robot.interact(() -> view.teaching().setTwoViews(false));
    }
  }

  @Test
  void theWindowUsesTheAppsCopies() {
    for (Theme theme : Theme.values()) {
      assertThat(theme.userAgentStylesheet())
          .contains("/descent/app/presenter/")
          .endsWith("primer-" + theme.id() + ".css");
    }
    assertThat(new File(RESOURCES.toFile(), "primer-light.bss")).exists();
  }
}
