package descent.run;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A run that teaches one thing: a name to type ({@code --preset lr-edge}), the one-line lesson the
 * command line lists and the app shows when it loads, and the recipe of its {@link RunConfig}. The
 * catalogue is {@link Presets}; ADR 0022 gives each preset's values and why they show its lesson.
 *
 * @param name lower case with hyphens, e.g. {@code lr-edge}
 * @param lesson what the run shows, in one line
 */
public record Preset(String name, String lesson, LongFunction<RunConfig> recipe) {
  public Preset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lesson, "lesson");
    Objects.requireNonNull(recipe, "recipe");
  }

  /** The preset's run with {@code seed}: a preset leaves the seed to the user, or to chance. */
  public RunConfig config(long seed) {
    return recipe.apply(seed);
  }
}
