package dev.casebook.validate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** How LiteLLM routes a model string to a provider, and which key each provider reads. */
public final class Providers {

    private Providers() {
    }

    /**
     * Bare names LiteLLM sends to OpenAI by its own lists rather than the model map
     * ({@code open_ai_chat_completion_models}, {@code openai_image_generation_models}…), so newer
     * names than the map's work too.
     */
    private static final Pattern OPENAI_BARE =
            Pattern.compile("^(gpt-|o[1-9]|chatgpt-|text-embedding-(3|ada)|dall-e-|whisper-|tts-1|gpt-image-)");

    /** Providers that need an API key and are checked by LLM009 (a closed list; openai is LLM001's). */
    static final List<String> KEYED = List.of("deepseek", "anthropic", "gemini", "groq", "openrouter", "xai", "mistral",
            "dashscope", "together_ai", "volcengine", "azure", "fireworks_ai");

    /** The variables LiteLLM reads a provider's key from, in its order. */
    static final Map<String, List<String>> KEY_VARS = Map.ofEntries(
            Map.entry("openai", List.of("OPENAI_API_KEY")),
            Map.entry("azure", List.of("AZURE_OPENAI_API_KEY", "AZURE_API_KEY")),
            Map.entry("anthropic", List.of("ANTHROPIC_API_KEY")),
            Map.entry("gemini", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")),
            Map.entry("deepseek", List.of("DEEPSEEK_API_KEY")),
            Map.entry("groq", List.of("GROQ_API_KEY")),
            Map.entry("openrouter", List.of("OPENROUTER_API_KEY", "OR_API_KEY")),
            Map.entry("xai", List.of("XAI_API_KEY")),
            Map.entry("mistral", List.of("MISTRAL_API_KEY")),
            Map.entry("dashscope", List.of("DASHSCOPE_API_KEY")),
            Map.entry("together_ai", List.of("TOGETHER_API_KEY", "TOGETHERAI_API_KEY", "TOGETHER_AI_API_KEY")),
            Map.entry("volcengine", List.of("VOLCENGINE_API_KEY")),
            Map.entry("fireworks_ai", List.of("FIREWORKS_API_KEY", "FIREWORKS_AI_API_KEY", "FIREWORKSAI_API_KEY")));

    /** Cloud providers with one fixed API host (LLM007). */
    static final Map<String, String> FIXED_HOSTS = Map.of(
            "deepseek", "api.deepseek.com",
            "openrouter", "openrouter.ai",
            "groq", "api.groq.com",
            "xai", "api.x.ai",
            "anthropic", "api.anthropic.com",
            "gemini", "generativelanguage.googleapis.com");

    /** Vendor hosts and whose they are (LLM007). */
    static final Map<String, String> VENDOR_HOSTS = Map.of(
            "api.deepseek.com", "deepseek",
            "openrouter.ai", "openrouter",
            "api.groq.com", "groq",
            "api.x.ai", "xai",
            "api.anthropic.com", "anthropic",
            "generativelanguage.googleapis.com", "gemini",
            "dashscope.aliyuncs.com", "dashscope");

    /** Providers with no embedding models (EMB002). */
    static final Set<String> NO_EMBEDDINGS = Set.of("deepseek", "anthropic", "groq", "xai", "openrouter");

    /** The provider LiteLLM routes {@code model} to, or {@code unknown}. */
    public static String provider(String model) {
        int slash = model.indexOf('/');
        if (slash > 0 && known(model.substring(0, slash))) {
            return model.substring(0, slash);
        }
        // a name in LiteLLM's model map (bare, or an OpenRouter model without its prefix)
        Optional<LiteLlmFacts.ModelFact> mapped = LiteLlmFacts.get().model(model);
        if (mapped.isPresent()) {
            return mapped.get().provider();
        }
        if (OPENAI_BARE.matcher(model).find()) {
            return "openai";
        }
        if (model.startsWith("claude-")) {
            return "anthropic";
        }
        if (model.startsWith("gemini-")) {
            return "vertex_ai";
        }
        return "unknown";
    }

    /** The text before the first slash, or empty for a bare name. */
    static Optional<String> prefix(String model) {
        int slash = model.indexOf('/');
        return slash > 0 ? Optional.of(model.substring(0, slash)) : Optional.empty();
    }

    /** The model name after a known provider prefix. */
    static String name(String model) {
        int slash = model.indexOf('/');
        return slash > 0 && known(model.substring(0, slash)) ? model.substring(slash + 1) : model;
    }

    /** A provider prefix LiteLLM knows: a value of its {@code LlmProviders} enum. */
    static boolean known(String prefix) {
        return LiteLlmFacts.get().isProvider(prefix);
    }

    static List<String> keyVars(String provider) {
        return KEY_VARS.getOrDefault(provider, List.of());
    }
}
