package dev.lrlab.agents;

import dev.lrlab.agents.explore.ExplorationKind;
import dev.lrlab.agents.features.FeatureKind;
import dev.lrlab.agents.optim.OptimizerKind;
import dev.lrlab.agents.schedule.ScheduleKind;
import dev.lrlab.env.EnvironmentKind;
import dev.lrlab.env.registry.KindProvider;
import dev.lrlab.env.registry.Plugins;
import dev.lrlab.env.registry.Registry;
import java.util.List;

/**
 * Every kind a spec can name, one registry per type, all gathered in one pass over the
 * {@link KindProvider}s: load it once where a command starts and pass it down.
 */
public record Registries(Registry<EnvironmentKind> environments, Registry<AgentKind> agents,
        Registry<ScheduleKind> schedules, Registry<OptimizerKind> optimizers,
        Registry<ExplorationKind> explorations, Registry<FeatureKind> features) {

    /**
     * The kinds on lrlab's class path and in the plugin jars named by {@link Plugins#PROPERTY}: the
     * built-in ones and those of any plugin.
     *
     * @throws dev.lrlab.env.registry.PluginException when a named plugin is missing or fails to load
     */
    public static Registries load() {
        return of(Registry.providers(Plugins.loader(Registries.class.getClassLoader())));
    }

    /** The kinds of the given providers. */
    public static Registries of(List<? extends KindProvider> providers) {
        return new Registries(EnvironmentKind.registry(providers), AgentKind.registry(providers),
                ScheduleKind.registry(providers), OptimizerKind.registry(providers),
                ExplorationKind.registry(providers), FeatureKind.registry(providers));
    }
}
