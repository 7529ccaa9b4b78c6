package descent.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableTest {
  @Test
  void slidersSnapToAFewSignificantDigits() {
    assertThat(Readable.significant(6.51745, 2)).isEqualTo(6.5);
    assertThat(Readable.significant(1.31435, 2)).isEqualTo(1.3);
    assertThat(Readable.significant(0.0314159, 2)).isEqualTo(0.031);
    assertThat(Readable.significant(0, 2)).isZero();
  }

  @Test
  void speedsSnapToOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(Readable.oneTwoFive(2424)).isEqualTo(2000);
    assertThat(Readable.oneTwoFive(1710)).isEqualTo(2000);
    assertThat(Readable.oneTwoFive(6.51745)).isEqualTo(5);
    assertThat(Readable.oneTwoFive(8)).isEqualTo(10);
    assertThat(Readable.oneTwoFive(1)).isEqualTo(1);
    assertThat(Readable.grouped(2000)).isEqualTo("2,000");
  }

  @Test
  void echoesKeepTwentyCharactersOfARefusedText() {
    assertThat(Readable.echo("abc")).isEqualTo("abc");
    assertThat(Readable.echo("x".repeat(20))).isEqualTo("x".repeat(20));
    assertThat(Readable.echo("x".repeat(2000))).isEqualTo("x".repeat(20) + "…");
    // never splits a character outside the basic plane
    assertThat(Readable.echo("𝑥".repeat(30))).isEqualTo("𝑥".repeat(20) + "…");
  }
}
