package dev.casebook.content;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * A language-neutral front-matter key: a fact about the article that holds in every language, so it
 * is written once, in either translation. Each key is declared here once, with the shape of its
 * value and how it is checked; the loader reads and merges every key of {@link #ALL} the same
 * way, {@code casebook new} writes their skeleton lines, and the article page and data files read
 * the values through {@link Facts}.
 *
 * @param <T> the type of the value: a list of strings, a sorted map, or a string
 */
public final class Fact<T> {

    /** The shapes a value can have; each is read and checked by one piece of the loader. */
    public enum Shape {
        /** a list of strings, each anything */
        TEXT_LIST,
        /** a list of lower-case ASCII kebab-case ids that name URLs ({@code /en/tags/<tag>/}) */
        ID_LIST,
        /** a mapping of names to single values (product to version) */
        VERSION_MAP,
        /** one of {@link #choices()} */
        CHOICE,
        /** a release number like {@code 0.29.0} */
        VERSION,
        /** earlier addresses of the article: site paths ({@code /en/litellm/old-name/}) or {@code section/slug} */
        ALIAS_LIST
    }

    /** A release number as {@link Shape#VERSION} takes it: up to four numbers, an optional {@code v}. */
    public static final Pattern RELEASE = Pattern.compile("v?\\d+(\\.\\d+){0,3}(\\.?(post|rc|dev)\\.?\\d+)?");

    private static final List<String> NONE = List.of();
    private static final String LLM_PACK = "litellm-wrenai-ollama";

    public static final Fact<List<String>> TAGS = new Fact<>("tags", Shape.ID_LIST, List.of(), NONE, "tag",
            "tags name URLs (/en/tags/<tag>/): use letters a-z, digits and hyphens, e.g. `docker-network`",
            "tags: []\n");
    public static final Fact<List<String>> PRODUCTS = new Fact<>("products", Shape.ID_LIST, List.of(), NONE, "product",
            "products name URLs (/en/products/<product>/): write the id, e.g. `wrenai`, and its"
                    + " display name under `products:` in content/_site.yaml",
            "products: []\n");
    public static final Fact<List<String>> ERRORS = new Fact<>("errors", Shape.TEXT_LIST, List.of(), NONE, "",
            "write each error string exactly as the log prints it",
            "errors:\n  - \"TODO: the exact error string, as the log prints it\"\n");
    public static final Fact<SortedMap<String, String>> VERIFIED_WITH = new Fact<>("verified_with", Shape.VERSION_MAP,
            List.of(), NONE, "", "write each product's version as `product: \"1.2.3\"`", "verified_with: {}\n");
    public static final Fact<String> WREN_AI_SERVICE_VERSION = new Fact<>("wren_ai_service_version", Shape.VERSION,
            List.of(), List.of(LLM_PACK), "", "write the wren-ai-service version the snippets are for, e.g. \"0.29.0\"",
            "# wren_ai_service_version: \"0.29.0\"\n");
    public static final Fact<String> LITELLM_VERSION = new Fact<>("litellm_version", Shape.VERSION,
            List.of(), List.of(LLM_PACK), "", "write the LiteLLM version that reads the snippets, e.g. \"1.72.6\""
                    + " (with wren_ai_service_version, the one that release installs is known)",
            "# litellm_version: \"1.72.6\"\n");
    public static final Fact<String> DEPLOYMENT = new Fact<>("deployment", Shape.CHOICE, List.of("docker", "k8s", "local"),
            List.of(LLM_PACK), "", "where the configs run: docker, k8s or local", "# deployment: docker\n");
    public static final Fact<String> HOST_OS = new Fact<>("host_os", Shape.CHOICE, List.of("linux", "mac", "windows"),
            List.of("docker"), "", "the operating system of the machine the containers run on: linux, mac or windows", "# host_os: linux\n");

    public static final Fact<List<String>> ALIASES = new Fact<>("aliases", Shape.ALIAS_LIST, List.of(), NONE, "",
            "write an earlier address of the article: a site path like /en/litellm/old-name/, or section/slug for every language",
            "");

    /** Every language-neutral key, in the order {@code casebook new} writes them. */
    public static final List<Fact<?>> ALL = List.of(TAGS, PRODUCTS, ERRORS, VERIFIED_WITH, WREN_AI_SERVICE_VERSION,
            LITELLM_VERSION, DEPLOYMENT, HOST_OS, ALIASES);

    private final String name;
    private final Shape shape;
    private final List<String> choices;
    private final List<String> packs;
    private final String idKind;
    private final String hint;
    private final String skeleton;

    private Fact(String name, Shape shape, List<String> choices, List<String> packs, String idKind, String hint,
                 String skeleton) {
        this.name = name;
        this.shape = shape;
        this.choices = List.copyOf(choices);
        this.packs = List.copyOf(packs);
        this.idKind = idKind;
        this.hint = hint;
        this.skeleton = skeleton;
    }

    /** The front-matter key. */
    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    /** The values a {@link Shape#CHOICE} takes. */
    public List<String> choices() {
        return choices;
    }

    /**
     * True for a key that says where the article's configs run: snippet rules read it, and it is
     * commented out in a new article's skeleton.
     */
    public boolean environment() {
        return !packs.isEmpty();
    }

    /** The rule packs whose rules read this key (none for a key that only describes the article). */
    public List<String> packs() {
        return packs;
    }

    /** What one id of an {@link Shape#ID_LIST} is called in messages ({@code tag}); also the diagnostic's suffix. */
    public String idKind() {
        return idKind;
    }

    /** How to write a good value: the hint of a diagnostic about it. */
    public String hint() {
        return hint;
    }

    /** The lines {@code casebook new} writes for this key. */
    public String skeleton() {
        return skeleton;
    }

    public static Optional<Fact<?>> named(String name) {
        return ALL.stream().filter(f -> f.name.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
