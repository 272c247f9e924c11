package dev.casebook.validate;

import static dev.casebook.validate.Scan.code;
import static dev.casebook.validate.Scan.codes;

import dev.casebook.diag.Severity;
import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** LLM001–LLM014: how LiteLLM routes a model string and what it needs to reach it. */
final class LlmConditions {

    private static final List<String> ENDPOINT_PATHS =
            List.of("/chat/completions", "/completions", "/embeddings", "/api/generate", "/api/embed", "/api/embeddings");
    private static final Pattern AZURE_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private LlmConditions() {
    }

    static void register(Map<String, Condition> checks) {
        checks.put("LLM001", LlmConditions::openAiKey);
        checks.put("LLM002", LlmConditions::ollamaWithV1);
        checks.put("LLM003", LlmConditions::openAiWithoutV1);
        checks.put("LLM004", LlmConditions::endpointPath);
        checks.put("LLM005", LlmConditions::unknownProvider);
        checks.put("LLM006", LlmConditions::bareGemini);
        checks.put("LLM007", LlmConditions::hostMismatch);
        checks.put("LLM008", LlmConditions::ollamaTag);
        checks.put("LLM009", LlmConditions::cloudKey);
        checks.put("LLM010", LlmConditions::azure);
        checks.put("LLM011", LlmConditions::reasoningParams);
        checks.put("LLM012", LlmConditions::deepseekResponseFormat);
        checks.put("LLM013", LlmConditions::inProcessVllm);
        checks.put("LLM014", LlmConditions::sharedKey);
    }

    // ---- keys ------------------------------------------------------------------------------------

    /** The variables LiteLLM would try for {@code m}'s key, in its order, for messages. */
    private static List<String> keyNames(Model m, String provider) {
        List<String> names = new ArrayList<>();
        m.scalar("api_key_name").ifPresent(s -> names.add(s.text()));
        m.scalar("api_key").ifPresent(s -> osEnviron(s.text()).ifPresent(names::add));
        for (String v : Providers.keyVars(provider)) {
            if (!names.contains(v)) {
                names.add(v);
            }
        }
        return names;
    }

    /** keyOf: does any candidate give LiteLLM a non-empty key? */
    static boolean hasUsableKey(Model m, DotEnv env, String provider) {
        if (m.scalar("api_key_name").map(s -> env.usable(s.text())).orElse(false)) {
            return true;
        }
        Optional<YamlScalar> apiKey = m.scalar("api_key");
        if (apiKey.isPresent()) {
            Optional<String> ref = osEnviron(apiKey.get().text());
            // a literal key (even a ${VAR} that LP001 reports) is sent as it is, so it counts as a key
            if (ref.isEmpty() ? !apiKey.get().text().isBlank() : env.usable(ref.get())) {
                return true;
            }
        }
        return Providers.keyVars(provider).stream().anyMatch(env::usable);
    }

    static Optional<String> osEnviron(String value) {
        String v = value.strip();
        return v.startsWith("os.environ/") ? Optional.of(v.substring("os.environ/".length())) : Optional.empty();
    }

    private static void openAiKey(Group group, Findings out) {
        Optional<DotEnv> env = group.processEnv();
        if (env.isEmpty()) {
            return; // a cross-file rule without its partner file is skipped
        }
        for (Model m : Model.of(group)) {
            if (!m.provider().equals("openai") || hasUsableKey(m, env.get(), "openai")) {
                continue;
            }
            List<String> keys = keyNames(m, "openai");
            Finding f = out.at(m.model().pos(), Map.of("model", m.name(),
                    "keys", codes(keys),
                    "api_key_name", m.scalar("api_key_name").map(YamlScalar::text).orElse("OPENAI_API_KEY")));
            // present but empty passes the OpenAI SDK's None check: a local server then works, by accident;
            // a hosted endpoint (api.openai.com when there is no api_base) answers every call with 401
            Optional<Url> base = m.apiBase();
            if (env.get().defines("OPENAI_API_KEY")) {
                out.add(base.map(Url::isLocal).orElse(false) ? f.variant("empty").withSeverity(Severity.WARNING)
                        : f.variant("empty_hosted").with("host", base.map(Url::host).orElse("api.openai.com")));
            } else {
                out.add(keys.size() == 1 ? f.variant("one") : f);
            }
        }
    }

    /** The variable an OpenAI-route model takes its key from, as written in the config. */
    private static String keyVariable(Model m) {
        return m.scalar("api_key_name").map(YamlScalar::text)
                .or(() -> m.scalar("api_key").flatMap(k -> osEnviron(k.text())))
                .orElse(m.scalar("api_key").isPresent() ? "" : "OPENAI_API_KEY"); // a literal key is its own
    }

    private static void sharedKey(Group group, Findings out) {
        // variable -> the first hosted endpoint seen with it, and which model sent it there
        Map<String, Model> firstByKey = new LinkedHashMap<>();
        for (Model m : Model.of(group)) {
            if (!m.provider().equals("openai")) {
                continue;
            }
            String key = keyVariable(m);
            Optional<Url> base = m.apiBase();
            if (key.isEmpty() || base.map(Url::isLocal).orElse(false)) {
                continue; // a local server ignores the key
            }
            String host = base.map(Url::host).orElse("api.openai.com");
            Model first = firstByKey.putIfAbsent(key, m);
            if (first != null) {
                String firstHost = first.apiBase().map(Url::host).orElse("api.openai.com");
                if (!firstHost.equals(host)) {
                    out.add(out.at(m.model().pos(), Map.of("model", m.name(), "key", key, "host", host,
                            "other", first.name(), "other_host", firstHost)));
                }
            }
        }
    }

    private static void cloudKey(Group group, Findings out) {
        Optional<DotEnv> env = group.processEnv();
        if (env.isEmpty()) {
            return;
        }
        for (Model m : Model.of(group)) {
            String provider = m.provider();
            if (Providers.KEYED.contains(provider) && !hasUsableKey(m, env.get(), provider)) {
                out.add(out.at(m.model().pos(), Map.of("model", m.name(),
                        "vars", codes(Providers.keyVars(provider)))));
            }
        }
    }

    // ---- api_base -------------------------------------------------------------------------------

    private static void ollamaWithV1(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            if (!Set.of("ollama", "ollama_chat").contains(m.provider())) {
                continue;
            }
            m.apiBase().ifPresent(u -> {
                if (u.path().endsWith("/v1") || u.path().endsWith("/v1/") || u.path().contains("/v1/")) {
                    String base = m.scalar("api_base").orElseThrow().text();
                    String call = m.embedding() ? "/api/embed" : m.provider().equals("ollama_chat") ? "/api/chat" : "/api/generate";
                    out.add(out.at(m.scalar("api_base").orElseThrow().pos(),
                            Map.of("model", m.name(), "api_base", base, "call", call,
                                    "root", base.replaceFirst("/v1(/.*)?$", ""))));
                }
            });
        }
    }

    /** LiteLLM routes that speak the OpenAI API to whatever {@code api_base} names. */
    static final Set<String> OPENAI_COMPATIBLE_ROUTES = Set.of("openai", "hosted_vllm", "lm_studio", "openai_like", "custom_openai");

    private static void openAiWithoutV1(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            String provider = m.provider();
            if (!OPENAI_COMPATIBLE_ROUTES.contains(provider)) {
                continue;
            }
            m.apiBase().ifPresent(u -> {
                String path = u.trimmedPath();
                if (path.endsWith("/v1")) {
                    return;
                }
                // a self-hosted server (vLLM, LM Studio, LiteLLM, TGI, llama.cpp...) at its root serves the API under /v1;
                // a hosted API's own path, or a local path the writer chose, is left alone
                boolean root = path.isEmpty() || path.equals("/");
                boolean ollamaOrLmStudio = u.port() == 11434 || u.port() == 1234;
                if (root && (u.isLocal() || !provider.equals("openai")) || ollamaOrLmStudio) {
                    YamlScalar base = m.scalar("api_base").orElseThrow();
                    out.add(out.at(base.pos(), Map.of("model", m.name(), "api_base", base.text(),
                            "call", m.embedding() || Providers.name(m.name()).toLowerCase(Locale.ROOT).contains("embed")
                                    ? "/embeddings" : "/chat/completions")));
                }
            });
        }
    }

    private static Optional<String> endpointSuffix(Url u) {
        return ENDPOINT_PATHS.stream().filter(p -> u.trimmedPath().endsWith(p)).findFirst();
    }

    private static void endpointPath(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            if (m.provider().equals("azure")) {
                continue; // LLM010 covers Azure
            }
            m.apiBase().flatMap(LlmConditions::endpointSuffix).ifPresent(suffix -> {
                YamlScalar base = m.scalar("api_base").orElseThrow();
                out.add(out.at(base.pos(), Map.of("model", m.name(), "api_base", base.text(), "path", suffix)));
            });
        }
    }

    // ---- model strings --------------------------------------------------------------------------

    private static void unknownProvider(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            if (m.provider().equals("unknown") && !m.name().startsWith("google/")) {
                out.add(out.at(m.model().pos(), Map.of("model", m.name())));
            }
        }
    }

    private static void inProcessVllm(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            if (m.provider().equals("vllm")) {
                Finding f = out.at(m.model().pos(), Map.of("model", m.name(), "name", Providers.name(m.name())));
                Optional<YamlScalar> base = m.scalar("api_base");
                out.add(base.isPresent() ? f.variant("api_base").with("api_base", base.get().text()) : f);
            }
        }
    }

    private static void bareGemini(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            if (m.name().startsWith("gemini-") || m.name().startsWith("google/")) {
                String bare = m.name().startsWith("google/") ? m.name().substring("google/".length()) : m.name();
                out.add(out.at(m.model().pos(), Map.of("model", m.name(), "name", bare)));
            }
        }
    }

    private static void hostMismatch(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            Optional<String> prefix = Providers.prefix(m.name());
            Optional<Url> base = m.apiBase();
            if (prefix.isEmpty() || base.isEmpty()
                    || Set.of("openai", "azure", "hosted_vllm", "lm_studio", "litellm_proxy").contains(prefix.get())) {
                continue;
            }
            String p = prefix.get();
            String host = base.get().host();
            String fixed = Providers.FIXED_HOSTS.get(p);
            String vendor = Providers.VENDOR_HOSTS.get(host);
            boolean wrongHost = fixed != null && !fixed.equals(host);
            boolean foreignVendor = vendor != null && Providers.KEYED.contains(p) && !vendor.equals(p);
            if (wrongHost || foreignVendor) {
                out.add(out.at(m.model().pos(), Map.of("model", m.name(), "prefix", p,
                        "PROVIDER", p.toUpperCase(Locale.ROOT), "host", host)));
            }
        }
    }

    private static void ollamaTag(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            String provider = m.provider();
            boolean ollama = provider.equals("ollama") || provider.equals("ollama_chat")
                    || provider.equals("openai") && m.apiBase().map(u -> u.port() == 11434).orElse(false)
                    && m.name().startsWith("openai/");
            String name = Providers.name(m.name());
            if (ollama && (name.contains("::") || name.endsWith(":") || name.chars().anyMatch(Character::isWhitespace))) {
                out.add(out.at(m.model().pos(), Map.of("model", m.name(), "name", name)));
            }
        }
    }

    // ---- provider specifics ---------------------------------------------------------------------

    private static void azure(Group group, Findings out) {
        Optional<DotEnv> env = group.processEnv();
        for (Model m : Model.of(group)) {
            if (!m.provider().equals("azure")) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            m.scalar("api_base").ifPresent(b -> {
                Optional<Url> u = Url.parse(b.text());
                if (b.text().contains("/openai/deployments") || u.flatMap(LlmConditions::endpointSuffix).isPresent()) {
                    problems.add("api_base " + code(b.text()));
                }
            });
            Optional<YamlScalar> version = m.scalar("api_version");
            if (version.isEmpty() && env.isPresent() && !env.get().defines("AZURE_API_VERSION")) {
                problems.add("api_version missing");
            }
            version.filter(v -> !AZURE_VERSION.matcher(v.text().strip()).matches())
                    .ifPresent(v -> problems.add("api_version " + code(v.text())));
            if (!problems.isEmpty()) {
                out.add(out.at(m.model().pos(), Map.of("model", m.name(), "problems", String.join("; ", problems))));
            }
        }
    }

    private static void reasoningParams(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            String name = m.name().replaceFirst("^(openai|azure)/", "");
            if (!(name.startsWith("gpt-5") || name.startsWith("o1") || name.startsWith("o3") || name.startsWith("o4"))) {
                continue;
            }
            Optional<YamlMapping> params = m.params();
            if (params.isEmpty()) {
                continue;
            }
            List<String> bad = new ArrayList<>();
            if (params.get().has("max_tokens")) {
                bad.add("max_tokens");
            }
            params.get().get("temperature").filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast)
                    .filter(t -> !isOne(t.text())).ifPresent(t -> bad.add("temperature: " + t.text()));
            if (!bad.isEmpty()) {
                out.add(out.at(m.model().pos(), Map.of("model", m.name(), "params", codes(bad))));
            }
        }
    }

    private static boolean isOne(String text) {
        try {
            return Double.parseDouble(text.strip()) == 1.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deepseekResponseFormat(Group group, Findings out) {
        for (Model m : Model.of(group)) {
            if (m.role() != Model.Role.LLM || !m.provider().equals("deepseek")) {
                continue;
            }
            Optional<YamlNode> format = m.params().flatMap(p -> p.get("response_format"));
            boolean jsonSchema = format.filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast)
                    .flatMap(f -> WrenConfig.text(f, "type")).map("json_schema"::equals).orElse(false);
            if (format.isEmpty() || jsonSchema) {
                Map<String, String> args = new LinkedHashMap<>();
                args.put("model", m.name());
                out.add(out.at(m.model().pos(), args));
            }
        }
    }
}
