package dev.lrlab.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lrlab.experiments.spec.AgentChoice;
import dev.lrlab.experiments.spec.ExperimentSpec;
import dev.lrlab.experiments.spec.ScheduleChoice;
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
 * One (agent, schedule, learning rate, seed) run of a sweep. Its key is a hash of everything that
 * determines its result, so that it is the same on every run of the same spec, whatever the order
 * or thread; its generator is derived from the master seed and that key alone.
 */
public record Trial(String key, AgentChoice agent, ScheduleChoice schedule, double learningRate, long seed) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .build();

    /** Every trial of the sweep, in a fixed order: agents, schedules, rates, seeds. */
    public static List<Trial> all(ExperimentSpec spec) {
        List<Trial> out = new ArrayList<>(spec.trialCount());
        for (AgentChoice agent : spec.agents()) {
            for (ScheduleChoice schedule : spec.schedules()) {
                for (double rate : spec.learningRates()) {
                    for (long seed : spec.seeds()) {
                        out.add(new Trial(keyOf(spec, agent, schedule, rate, seed), agent, schedule, rate, seed));
                    }
                }
            }
        }
        return out;
    }

    static String keyOf(ExperimentSpec spec, AgentChoice agent, ScheduleChoice schedule, double rate, long seed) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("environment", spec.environment().id());
        content.put("environment-options", spec.environment().options());
        content.put("max-episode-steps", spec.budget().maxEpisodeSteps());
        content.put("agent", agent.settings());
        content.put("schedule", schedule.settings());
        content.put("clock", schedule.clock().id());
        content.put("learning-rate", Double.toString(rate));
        content.put("seed", seed);
        content.put("budget-episodes", spec.budget().episodes());
        content.put("budget-steps", spec.budget().steps());
        content.put("evaluation", spec.evaluation() == null ? "none"
                : spec.evaluation().every() + "x" + spec.evaluation().episodes());
        content.put("diagnostics-every", spec.diagnosticsEvery());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a trial's content", e);
        }
    }

    /** The trial's own generator: from the master seed and the key, never from order or thread. */
    public UniformRandomProvider generator(long masterSeed) {
        long k = Long.parseUnsignedLong(key, 16);
        // a long seed is expanded through SplitMix64 (a long[] would be used raw, and small master
        // seeds would then give correlated streams)
        return RandomSource.XO_RO_SHI_RO_128_PP.create(k ^ (masterSeed * 0x9E3779B97F4A7C15L));
    }
}
