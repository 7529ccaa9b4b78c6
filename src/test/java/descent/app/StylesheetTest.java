package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The one stylesheet parses without an error: a brace lost in it (as a merge once lost one) would
 * silently drop every rule after it, and the views would draw in default colours.
 */
class StylesheetTest {

  @Test
  void descentCssParsesCleanlyAndKeepsEveryViewsRules() throws Exception {
    CssParser.errorsProperty().clear();
    Stylesheet sheet =
        new CssParser().parse(MainView.class.getResource("/descent/app/descent.css"));
    List<String> errors =
        CssParser.errorsProperty().stream().map(CssParser.ParseError::toString).toList();
    assertThat(errors).isEmpty();
    List<String> selectors =
        sheet.getRules().stream()
            .flatMap(r -> r.getSelectors().stream())
            .map(Object::toString)
            .toList();
    for (String last : List.of("landscape-optimum", "minibatch-view", "graph", "code", "data")) {
      assertThat(selectors).as(last).anyMatch(s -> s.contains(last));
    }
  }
}
