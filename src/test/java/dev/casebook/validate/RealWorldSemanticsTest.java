package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule semantics that real configs showed to be wrong or missing: exact findings for each,
 * through the same path as {@code casebook validate}.
 */
class RealWorldSemanticsTest {

    private static final FileValidator CHECKER = new FileValidator(new Validator(Catalog.builtIn()), Schemas.NONE, "");

    /** Headlines for files given as name, text, name, text… */
    static List<String> check(Environment environment, String... namesAndTexts) {
        List<FileValidator.NamedText> files = new ArrayList<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            files.add(new FileValidator.NamedText(namesAndTexts[i], namesAndTexts[i + 1]));
        }
        // the note that a config came without its .env is tested on its own below
        return CHECKER.check(files, environment, "en").stream().map(Diagnostic::headline)
                .filter(h -> !h.contains("note[keys-unchecked]")).toList();
    }

    static List<String> check(String... namesAndTexts) {
        return check(Environment.UNKNOWN, namesAndTexts);
    }

    @Test
    void anEmptyOpenAiKeyIsAnErrorForAHostedEndpointAndAWarningForALocalServer() {
        String config = """
                type: embedder
                provider: litellm_embedder
                models:
                  - model: text-embedding-3-large
                    alias: default
                  - model: openai/nomic-embed-text
                    api_base: http://host.docker.internal:11434/v1
                  - model: openai/gpt-4o
                    api_base: https://my-gateway.example.com/v1
                  - model: openai/qwen3
                    api_base: http://192.168.1.20:8000/v1
                """;
        assertEquals(List.of(
                "config.yaml:4:12: error[LLM001]: `text-embedding-3-large` calls `api.openai.com` with an empty `OPENAI_API_KEY`: "
                        + "a hosted endpoint checks the key, so every call fails with `401 … Incorrect API key provided`.",
                "config.yaml:6:12: warning[LLM001]: `openai/nomic-embed-text` goes through LiteLLM's OpenAI route and "
                        + "`OPENAI_API_KEY` is defined but empty. It only works because the OpenAI SDK rejects a missing key, "
                        + "not an empty one; a different SDK version breaks it.",
                "config.yaml:8:12: error[LLM001]: `openai/gpt-4o` calls `my-gateway.example.com` with an empty `OPENAI_API_KEY`: "
                        + "a hosted endpoint checks the key, so every call fails with `401 … Incorrect API key provided`.",
                // and, whatever its value, one variable cannot hold the keys of both hosted endpoints
                "config.yaml:8:12: error[LLM014]: `openai/gpt-4o` sends `OPENAI_API_KEY` to `my-gateway.example.com`, and "
                        + "`text-embedding-3-large` sends the same variable to `api.openai.com`: one key is not valid at both vendors, "
                        + "so one of them answers every call with `401 … Incorrect API key provided`.",
                "config.yaml:10:12: warning[LLM001]: `openai/qwen3` goes through LiteLLM's OpenAI route and "
                        + "`OPENAI_API_KEY` is defined but empty. It only works because the OpenAI SDK rejects a missing key, "
                        + "not an empty one; a different SDK version breaks it."),
                check("config.yaml", config, ".env", "OPENAI_API_KEY=\n"));
    }

    @Test
    void namesLiteLlmRoutesAreNeverUnknownProviders() {
        String config = """
                model_list:
                  - model_name: a
                    litellm_params: {model: dall-e-3}
                  - model_name: b
                    litellm_params: {model: whisper-1}
                  - model_name: c
                    litellm_params: {model: command-r}
                  - model_name: d
                    litellm_params: {model: anthropic.claude-3-5-sonnet-20240620-v1:0}
                  - model_name: e
                    litellm_params: {model: auto_router/my-router}
                  - model_name: f
                    litellm_params: {model: nscale/meta-llama/Llama-4-Scout-17B-16E-Instruct}
                  - model_name: g
                    litellm_params: {model: docker_model_runner/ai/smollm2}
                  - model_name: h
                    litellm_params: {model: qwen2.5:14b}
                  - model_name: i
                    litellm_params: {model: meta-llama/Llama-3.3-70B-Instruct}
                """;
        assertEquals(List.of(
                "litellm_config.yaml:17:29: error[LLM005]: LiteLLM cannot infer a provider from `qwen2.5:14b`: requests fail "
                        + "with `LLM Provider NOT provided`.",
                "litellm_config.yaml:19:29: error[LLM005]: LiteLLM cannot infer a provider from `meta-llama/Llama-3.3-70B-Instruct`: "
                        + "requests fail with `LLM Provider NOT provided`."),
                check("litellm_config.yaml", config));
    }

    @Test
    void vllmWhereHostedVllmIsMeant() {
        // BerriAI/litellm#2831, and the same without an address
        String config = """
                model_list:
                  - model_name: Mistral-7B-Instruct-v0.2
                    litellm_params:
                      model: vllm/mistralai/Mistral-7B-Instruct-v0.2
                      api_base: http://Mistral-7B-Instruct-v0.2.mycloud.local:8000
                      api_key: fake-key
                  - model_name: local
                    litellm_params:
                      model: vllm/facebook/opt-125m
                """;
        assertEquals(List.of(
                "litellm_config.yaml:4:14: error[LLM013]: `vllm/mistralai/Mistral-7B-Instruct-v0.2` uses LiteLLM's `vllm` provider, "
                        + "which runs the model inside the LiteLLM process with the `vllm` Python package and never calls "
                        + "`http://Mistral-7B-Instruct-v0.2.mycloud.local:8000`: it fails with `No module named 'vllm'`. "
                        + "A vLLM server is called with `hosted_vllm/mistralai/Mistral-7B-Instruct-v0.2`.",
                "litellm_config.yaml:9:14: error[LLM013]: `vllm/facebook/opt-125m` uses LiteLLM's `vllm` provider, which runs the "
                        + "model inside the LiteLLM process with the `vllm` Python package and fails with `No module named 'vllm'` "
                        + "where that package is not installed; a vLLM server is called with `hosted_vllm/facebook/opt-125m`."),
                check("litellm_config.yaml", config));
    }

    @Test
    void proxySettingsUnderLitellmSettingsAreNeverRead() {
        String config = """
                model_list:
                  - model_name: claude
                    litellm_params:
                      model: anthropic/claude-sonnet-4-20250514
                      api_key: os.environ/ANTHROPIC_API_KEY
                litellm_settings:
                  drop_params: true
                  master_key: sk-my-secret
                  database_url: postgresql://db/litellm
                general_settings:
                  alerting: [slack]
                """;
        assertEquals(List.of(
                "litellm_config.yaml:8:3: error[LP004]: `master_key` is under `litellm_settings`, where the proxy never reads it: "
                        + "without `LITELLM_MASTER_KEY` in the environment the proxy has no master key and accepts any key. "
                        + "It belongs under `general_settings`.",
                "litellm_config.yaml:9:3: error[LP004]: `database_url` is under `litellm_settings`, where the proxy never reads it; "
                        + "it belongs under `general_settings`."),
                check("litellm_config.yaml", config));
    }

    @Test
    void keysSetUnderTheComposeServiceEnvironmentCount() {
        String config = """
                type: llm
                provider: litellm_llm
                models:
                  - model: azure/gpt-4o
                    api_base: https://my-team.openai.azure.com
                    api_version: "2024-10-21"
                    kwargs: {}
                  - model: deepseek/deepseek-chat
                    api_base: https://api.deepseek.com/v1
                    kwargs: {response_format: {type: text}}
                  - model: openai/gpt-4o-mini
                    kwargs: {}
                """;
        String compose = """
                services:
                  wren-ai-service:
                    image: ghcr.io/canner/wren-ai-service:0.29.0
                    env_file:
                      - .env
                    environment:
                      AZURE_API_KEY: ${AZURE_KEY}
                      OPENAI_API_KEY: ${OPENAI_KEY:-}
                  other:
                    image: postgres:16
                    environment:
                      - DEEPSEEK_API_KEY=not-for-the-ai-service
                """;
        String env = "AZURE_KEY=azure-secret\nDEEPSEEK_API_KEY=\n";
        // Azure's key comes from the service's environment (interpolated from .env); DeepSeek's is empty
        // in .env and another service's value does not reach the AI service; OpenAI's interpolates to empty
        assertEquals(List.of(
                "config.yaml:8:12: error[LLM009]: `deepseek/deepseek-chat` needs `DEEPSEEK_API_KEY` (or the variable named by "
                        + "`api_key_name`) to have a value in the environment the service gets (`.env`, the compose service's `environment:`).",
                "config.yaml:11:12: error[LLM001]: `openai/gpt-4o-mini` calls `api.openai.com` with an empty `OPENAI_API_KEY`: "
                        + "a hosted endpoint checks the key, so every call fails with `401 … Incorrect API key provided`."),
                check("config.yaml", config, "docker-compose.yaml", compose, ".env", env));
        // without the compose file, Azure's key is missing too
        assertEquals(3, check("config.yaml", config, ".env", env).stream().filter(h -> h.contains("error[LLM")).count());
    }

    @Test
    void composeInterpolationFollowsItsDefaultRules() {
        java.util.Optional<DotEnv> env = java.util.Optional.of(DotEnv.parse("SET=value\nEMPTY=\n",
                new dev.casebook.diag.SourcePos(".env", 1, 1)));
        assertEquals("value", ProcessEnvironment.interpolate("${SET}", env));
        assertEquals("", ProcessEnvironment.interpolate("${UNSET}", env));
        assertEquals("fallback", ProcessEnvironment.interpolate("${EMPTY:-fallback}", env));
        assertEquals("", ProcessEnvironment.interpolate("${EMPTY-fallback}", env));
        assertEquals("fallback", ProcessEnvironment.interpolate("${UNSET-fallback}", env));
        assertEquals("a-value-b", ProcessEnvironment.interpolate("a-$SET-b", env));
    }

    private static String embedderConfig(String model, int dim) {
        return """
                type: embedder
                provider: litellm_embedder
                models:
                  - model: %s
                    alias: default
                    api_base: http://host.docker.internal:11434/v1
                ---
                type: document_store
                provider: qdrant
                location: http://qdrant:6333
                embedding_model_dim: %d
                ---
                type: pipeline
                pipes:
                  - name: db_schema_indexing
                    embedder: litellm_embedder.default
                    document_store: qdrant
                """.formatted(model, dim);
    }

    @Test
    void embedderSizesComeFromLiteLlmsModelMapAndAnUnknownSizeIsANote() {
        // Titan v1 is not in the table written here; LiteLLM's map says 1536
        assertEquals(List.of("config.yaml:11:22: error[EMB001]: The Qdrant collection is created with 1024 dimensions but "
                        + "`bedrock/amazon.titan-embed-text-v1` produces 1536: writes fail with `Wrong input: Vector dimension error: "
                        + "expected dim: 1024, got 1536`."),
                check("config.yaml", embedderConfig("bedrock/amazon.titan-embed-text-v1", 1024)));
        assertEquals(List.of(), check("config.yaml", embedderConfig("bedrock/amazon.titan-embed-text-v1", 1536)));
        assertEquals(List.of("config.yaml:11:22: note[EMB001]: The vector size of `openai/my-finetuned-embedder` is not known "
                        + "here (LiteLLM's model map gives none, nor does Casebook's table of embedding sizes), so "
                        + "`embedding_model_dim: 1024` is not checked: it must equal the size on the model's card."),
                check("config.yaml", embedderConfig("openai/my-finetuned-embedder", 1024)));
    }

    @Test
    void settingsAndAliasesAreJudgedAtTheGivenWrenVersion() {
        String config = """
                type: llm
                provider: litellm_llm
                models:
                  - model: ollama_chat/phi4:14b
                    alias: default
                    api_base: http://host.docker.internal:11434
                    kwargs: {}
                ---
                type: pipeline
                pipes:
                  - name: sql_answer
                    llm: litellm_llm.ollama_chat/phi4:14b
                ---
                settings:
                  table_retrieval_size: 10
                  allow_using_db_schemas_without_pruning: false
                  allow_intent_classification: true
                  no_such_setting: 1
                """;
        Environment at0157 = Environment.of(java.util.Map.of("wren_ai_service_version", "0.15.7"));
        assertEquals(List.of(
                "config.yaml:5:5: error[WREN010]: `alias` needs wren-ai-service 0.15.10 or later; 0.15.7 ignores it, so pipes "
                        + "must name this model `litellm_llm.ollama_chat/phi4:14b`.",
                "config.yaml:17:3: error[WREN010]: `allow_intent_classification` is a setting of wren-ai-service 0.15.18 and later; "
                        + "0.15.7 ignores it (`Warning: Unknown configuration key 'allow_intent_classification'`).",
                "config.yaml:18:3: warning[WREN009]: `no_such_setting` is not a wren-ai-service setting and is ignored "
                        + "(`Warning: Unknown configuration key`)."),
                check(at0157, "config.yaml", config));
        // at 0.29.0 the alias is read (so the pipe's model name no longer matches), and the pruning switch is gone
        List<String> at0290 = check(Environment.of(java.util.Map.of("wren_ai_service_version", "0.29.0")), "config.yaml", config)
                .stream().filter(h -> h.contains("[WREN00") && !h.contains("[WREN004]")).toList();
        assertEquals(List.of(
                "config.yaml:12:10: error[WREN002]: Pipe `sql_answer` refers to `litellm_llm.ollama_chat/phi4:14b`, but the defined "
                        + "identifiers are `litellm_llm.default`. The component becomes `None` and the pipe fails "
                        + "(`'NoneType' object has no attribute 'get_generator'`).",
                "config.yaml:16:3: warning[WREN009]: `allow_using_db_schemas_without_pruning` is no longer a wren-ai-service setting "
                        + "(the last release that had it is 0.21.0) and is ignored (`Warning: Unknown configuration key`).",
                "config.yaml:18:3: warning[WREN009]: `no_such_setting` is not a wren-ai-service setting and is ignored "
                        + "(`Warning: Unknown configuration key`)."),
                at0290);
        // without a version the newest release listed is the measure
        assertEquals(List.of("config.yaml:16:3: warning[WREN009]", "config.yaml:18:3: warning[WREN009]"),
                check("config.yaml", config).stream().filter(h -> h.contains("[WREN009]"))
                        .map(h -> h.substring(0, h.indexOf(']') + 1)).toList());
    }

    @Test
    void oneOpenAiRouteKeyForTwoVendorsIsCaught() {
        // the shape of Canner/WrenAI#319: OpenRouter through openai/, and OpenAI's own embedder
        String config = """
                type: llm
                provider: litellm_llm
                models:
                  - model: openai/anthropic/claude-3.7-sonnet
                    api_base: https://openrouter.ai/api/v1
                    alias: default
                    kwargs: {}
                  - model: openai/qwen3
                    api_base: http://host.docker.internal:11434/v1
                    kwargs: {}
                ---
                type: embedder
                provider: litellm_embedder
                models:
                  - model: text-embedding-3-large
                    alias: default
                """;
        assertEquals(List.of("config.yaml:15:12: error[LLM014]: `text-embedding-3-large` sends `OPENAI_API_KEY` to `api.openai.com`, "
                        + "and `openai/anthropic/claude-3.7-sonnet` sends the same variable to `openrouter.ai`: one key is not valid at "
                        + "both vendors, so one of them answers every call with `401 … Incorrect API key provided`."),
                check("config.yaml", config));
    }

    @Test
    void aConfigWithoutItsEnvSaysWhichKeyRulesWaited() {
        String config = """
                type: llm
                provider: litellm_llm
                models:
                  - model: openai/gpt-4o-mini
                    kwargs: {}
                  - model: deepseek/deepseek-chat
                    kwargs: {response_format: {type: text}}
                """;
        List<String> all = CHECKER.check(List.of(new FileValidator.NamedText("config.yaml", config)), Environment.UNKNOWN, "en")
                .stream().map(Diagnostic::format).toList();
        assertEquals(List.of("config.yaml:1:1: note[keys-unchecked]: no .env given, so the API keys of 2 models were not checked "
                + "(LLM001, LLM009, ENV001)\n  hint: give the .env and the compose file with the config: casebook validate "
                + "config.yaml .env docker-compose.yaml"), all);
        // with the .env the rules run, and the note is gone
        assertEquals(List.of("config.yaml:4:12: error[LLM001]", "config.yaml:6:12: error[LLM009]"),
                check("config.yaml", config, ".env", "OTHER=1\n").stream().map(h -> h.substring(0, h.indexOf(']') + 1)).toList());
    }
}
