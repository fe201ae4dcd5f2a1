package dev.lrlab.experiments.run;

import dev.lrlab.experiments.spec.ExperimentPlan;
import dev.lrlab.experiments.spec.SpecReader;
import dev.lrlab.experiments.spec.TrialSetup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One run of a sweep: a point's setup (environment, agent, schedule, learning rate) and a seed. Its
 * key is a hash of everything that determines its result, so that it is the same on every run of
 * the same spec, whatever the order or thread; its generator is derived from the master seed and
 * that key alone.
 */
public record Trial(String key, TrialSetup setup, long seed, long budgetCap, String generatorKey) {

    /** A trial with the plan's whole budget. */
    public Trial(String key, TrialSetup setup, long seed) {
        this(key, setup, seed, 0, key);
    }

    /**
     * The same trial stopped at {@code cap} episodes or steps (whichever the plan's budget counts):
     * a rung of successive halving. It has a key of its own but draws from the same generator, so
     * its curve is exactly the first {@code cap} of the whole trial's, and of every longer rung's.
     */
    public Trial capped(long cap) {
        String content = key + "|budget-cap=" + cap;
        byte[] digest = sha256().digest(content.getBytes(StandardCharsets.UTF_8));
        return new Trial(HexFormat.of().formatHex(digest, 0, 8), setup, seed, cap, generatorKey);
    }

    /** Every trial of the plan, in a fixed order: agents, schedules, points, seeds. */
    public static List<Trial> all(ExperimentPlan plan) {
        List<Trial> out = new ArrayList<>(plan.trialCount());
        for (TrialSetup setup : plan.setups()) {
            SeedKeys keys = SeedKeys.of(plan, setup);
            for (long seed : plan.sweep().seeds()) {
                out.add(new Trial(keys.keyOf(seed), setup, seed));
            }
        }
        return out;
    }

    /**
     * The keys of one setup's seeds, equal to {@link #keyOf}'s. A key's content differs between
     * seeds only in its last field ("seed" sorts after every other key), so the canonical JSON is
     * written once and its prefix hashed once: planning 30,000 trials wrote and hashed 30,000
     * documents on the main thread before any worker started (0.2-0.3 s of a 6.6-s sweep on two
     * cores, the serial part that caps the speed-up on many).
     */
    static final class SeedKeys {

        private final ExperimentPlan plan;
        private final TrialSetup setup;
        /** The digest after the prefix, or null when the content does not end in its seed (then each key is hashed whole). */
        private final MessageDigest prefix;

        private SeedKeys(ExperimentPlan plan, TrialSetup setup, MessageDigest prefix) {
            this.plan = plan;
            this.setup = setup;
            this.prefix = prefix;
        }

        static SeedKeys of(ExperimentPlan plan, TrialSetup setup) {
            String json = SpecReader.canonicalJson(content(plan, setup, 0L));
            String tail = "\"seed\":0}";
            if (!json.endsWith(tail)) {
                return new SeedKeys(plan, setup, null);
            }
            MessageDigest digest = sha256();
            digest.update(json.substring(0, json.length() - 2).getBytes(StandardCharsets.UTF_8));
            return new SeedKeys(plan, setup, digest);
        }

        String keyOf(long seed) {
            if (prefix == null) {
                return Trial.keyOf(plan, setup, seed);
            }
            MessageDigest digest;
            try {
                digest = (MessageDigest) prefix.clone();
            } catch (CloneNotSupportedException e) {
                return Trial.keyOf(plan, setup, seed);
            }
            digest.update((Long.toString(seed) + "}").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a trial's content", e);
        }
    }

    /**
     * The hash of the trial's content: everything that changes its result. A swept setting changes
     * the resolved settings it belongs to, so the point is part of the content without being listed
     * apart; labels are in the agent's settings, and two schedules that differ only in their labels
     * are refused by the spec reader.
     */
    static String keyOf(ExperimentPlan plan, TrialSetup setup, long seed) {
        byte[] digest = sha256().digest(SpecReader.canonicalJson(content(plan, setup, seed)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static Map<String, Object> content(ExperimentPlan plan, TrialSetup setup, long seed) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("environment", setup.environment().id());
        content.put("environment-options", setup.environment().options());
        content.put("max-episode-steps", setup.environment().maxEpisodeSteps());
        content.put("agent", setup.agent().settings());
        content.put("schedule", setup.schedule().settings());
        content.put("clock", setup.schedule().clock().id());
        content.put("learning-rate", Double.toString(setup.learningRate()));
        content.put("seed", seed);
        content.put("budget-episodes", plan.budget().episodes());
        content.put("budget-steps", plan.budget().steps());
        content.put("evaluation", plan.evaluation() == null ? "none"
                : plan.evaluation().every() + "x" + plan.evaluation().episodes());
        content.put("diagnostics-every", plan.metricsEvery());
        if (plan.masterSeed() != 0) {
            // the master seed changes every result; seed 0 is left out so that its keys stay as they were
            content.put("master-seed", plan.masterSeed());
        }
        return content;
    }

    /** The trial's own generator: from the master seed and the key, never from order or thread. */
    public UniformRandomProvider generator(long masterSeed) {
        long k = Long.parseUnsignedLong(generatorKey, 16);
        // a long seed is expanded through SplitMix64 (a long[] would be used raw, and small master
        // seeds would then give correlated streams)
        return RandomSource.XO_RO_SHI_RO_128_PP.create(k ^ (masterSeed * 0x9E3779B97F4A7C15L));
    }
}
