package dev.lrlab.experiments.cli;

import dev.lrlab.env.Environment;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.render.AnimatedGif;
import dev.lrlab.env.render.Frames;
import dev.lrlab.env.render.PixelRenderable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code lrlab play ENV}: one episode, as an animated GIF and/or PNG frames. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Run one episode and draw it: cells as coloured squares and a score line, as an animated "
                + "GIF (--gif) and/or one PNG per step (--frames).")
final class PlayCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    EpisodeOptions episode;

    @Option(names = "--gif", paramLabel = "FILE", description = "write an animated GIF")
    Path gif;

    @Option(names = "--frames", paramLabel = "DIR", description = "write frame-0000.png, frame-0001.png, ...")
    Path frames;

    @Option(names = "--max-steps", defaultValue = "1000", description = "stop the episode here (default: ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--cell", defaultValue = "24", description = "pixels per cell (default: ${DEFAULT-VALUE})")
    int cell;

    @Option(names = "--delay", defaultValue = "120", description = "milliseconds per GIF frame (default: ${DEFAULT-VALUE})")
    int delay;

    @Override
    public Integer call() throws IOException {
        if (gif == null && frames == null) {
            throw new UserInputException("say where to draw the episode: --gif FILE and/or --frames DIR");
        }
        if (maxSteps < 1 || cell < 4 || cell > 200 || delay < 10) {
            throw new UserInputException("--max-steps must be >= 1, --cell in 4..200, --delay >= 10");
        }
        EpisodeOptions.Episode opened = episode.open(command.commandLine().getErr());
        Environment env = opened.environment();
        if (!(env.unwrapped() instanceof PixelRenderable board)) {
            throw new UserInputException(env.id() + " cannot be drawn");
        }
        System.setProperty("java.awt.headless", "true");
        ActionSource actions = opened.actions();
        List<BufferedImage> images = new ArrayList<>();
        env.reset(episode.seed);
        double score = 0;
        int t = 0;
        images.add(Frames.draw(board, cell, caption(env, t, score, "")));
        while (!env.episodeOver() && t < maxSteps) {
            int action = actions.next(env);
            if (action < 0) {
                break;
            }
            score += env.step(action);
            t++;
            String end = env.terminated() ? "  (terminated)" : env.truncated() ? "  (truncated)" : "";
            images.add(Frames.draw(board, cell, caption(env, t, score, "  " + env.actionName(action) + end)));
        }
        if (frames != null) {
            try {
                Files.createDirectories(frames);
            } catch (IOException e) {
                throw new UserInputException("--frames: cannot create " + frames + ": " + e.getMessage());
            }
            for (int i = 0; i < images.size(); i++) {
                ImageIO.write(images.get(i), "png", frames.resolve(String.format(Locale.ROOT, "frame-%04d.png", i)).toFile());
            }
        }
        if (gif != null) {
            try {
                AnimatedGif.write(images, delay, gif);
            } catch (IOException e) {
                throw new UserInputException("--gif: cannot write " + gif + ": " + e.getMessage());
            }
        }
        command.commandLine().getOut().printf(Locale.ROOT, "%s%s: %d steps, return %s%s%s%n", env.id(),
                opened.trained() == null ? "" : " (greedy policy of trial " + opened.trained().record().key() + ")", t,
                score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score),
                gif == null ? "" : ", GIF " + gif, frames == null ? "" : ", " + images.size() + " frames in " + frames);
        return 0;
    }

    private static String caption(Environment env, int t, double score, String end) {
        return String.format(Locale.ROOT, "%s  step %d  score %s%s", env.id(), t,
                score == Math.rint(score) ? Long.toString((long) score) : String.format(Locale.ROOT, "%.2f", score), end);
    }
}
