package descent.app.teach.code;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.teach.code.JavaTokens.Kind;
import descent.app.teach.code.JavaTokens.Token;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The colouring never changes the text, and colours what a reader expects. */
class JavaTokensTest {
  private static String joined(List<Token> tokens) {
    return tokens.stream().map(Token::text).collect(Collectors.joining());
  }

  @Test
  void thePiecesJoinToTheLine() {
    for (String line :
        List.of(
            "      case FORWARD -> {",
            "        optimizer.zeroGrad(); // gradients add up",
            "        if (gradientClipVal > 0) {",
            "        diverge(value, \"the loss is \\\"\" + describe(value));",
            "torch.optim.SGD(self.parameters(), self.lr)",
            "x1 = 2.5e-3 + w[0]; /* odd */ 'c'",
            "",
            "  ")) {
      assertThat(joined(JavaTokens.of(line))).isEqualTo(line);
    }
  }

  @Test
  void keywordsConstantsCommentsNumbersAndStrings() {
    List<Token> t = JavaTokens.of("if (x > 0) { case LOSS -> f(\"a // b\"); } // why");
    assertThat(t)
        .contains(
            new Token(Kind.KEYWORD, "if"),
            new Token(Kind.NUMBER, "0"),
            new Token(Kind.KEYWORD, "case"),
            new Token(Kind.CONSTANT, "LOSS"),
            new Token(Kind.STRING, "\"a // b\""),
            new Token(Kind.COMMENT, "// why"));
    // a name with a digit is a name, not a number; a one-letter capital is not a constant
    assertThat(JavaTokens.of("x1 + X")).containsExactly(new Token(Kind.PLAIN, "x1 + X"));
  }
}
