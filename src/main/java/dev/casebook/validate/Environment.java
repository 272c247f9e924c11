package dev.casebook.validate;

import dev.casebook.content.Fact;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about where a config runs, from article front matter or {@code casebook validate}
 * options; rules gated by them follow the catalog's default when a fact is absent.
 *
 * @param wrenVersion wren-ai-service version, such as {@code 0.29.0}
 * @param deployment  {@code docker}, {@code k8s} or {@code local}
 * @param hostOs      {@code linux}, {@code mac} or {@code windows}
 * @param litellmVersion the LiteLLM release that reads the config, such as {@code 1.72.6}; when absent,
 *                    the one the declared wren-ai-service version installs
 */
public record Environment(Optional<Version> wrenVersion, Optional<String> deployment, Optional<String> hostOs,
                          Optional<Version> litellmVersion) {

    public static final Environment UNKNOWN = new Environment(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public Environment {
        if (litellmVersion.isEmpty()) {
            litellmVersion = wrenVersion.flatMap(WrenReleases::litellm);
        }
    }

    public static final List<String> DEPLOYMENTS = Fact.DEPLOYMENT.choices();
    public static final List<String> HOST_OSES = Fact.HOST_OS.choices();

    /** From {@code wren_ai_service_version}, {@code deployment}, {@code host_os} and {@code litellm_version} values. */
    public static Environment of(Map<String, String> values) {
        return new Environment(Optional.ofNullable(values.get(Fact.WREN_AI_SERVICE_VERSION.name())).flatMap(Version::parse),
                Optional.ofNullable(values.get(Fact.DEPLOYMENT.name())), Optional.ofNullable(values.get(Fact.HOST_OS.name())),
                Optional.ofNullable(values.get(Fact.LITELLM_VERSION.name())).flatMap(Version::parse));
    }

    public boolean deployment(String d) {
        return deployment.map(d::equals).orElse(false);
    }
}
