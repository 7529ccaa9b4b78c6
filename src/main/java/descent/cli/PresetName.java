package descent.cli;

import descent.run.Preset;
import descent.run.Presets;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --preset NAME}: a preset of the catalogue, in any case. An unknown name is refused in one
 * line that suggests the nearest name when it looks like a typo, and lists every name.
 */
final class PresetName implements ITypeConverter<Preset> {
  @Override
  public Preset convert(String text) {
    Optional<Preset> preset = Presets.named(text);
    if (preset.isPresent()) {
      return preset.get();
    }
    String guess = Presets.nearest(text).map(p -> "did you mean " + p.name() + "? ").orElse("");
    throw new TypeConversionException(
        "unknown preset "
            + Values.quote(text)
            + "; "
            + guess
            + "the presets are "
            + String.join(", ", Presets.names())
            + " (see 'descent presets')");
  }
}
