package dev.casebook.render;

import dev.casebook.content.BaseUrl;
import dev.casebook.content.Output;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The theme's static files under names that carry a hash of their content
 * ({@code assets/style.1a2b3c4d.css}), so a browser may cache them forever; each is digested once.
 */
final class Assets {

    private final Map<String, byte[]> files;
    private final Map<String, String> paths = new TreeMap<>();
    private final Map<String, String> urls = new TreeMap<>();

    /** The theme's files that serve only the check page, left out of a site that uses no rule pack. */
    private static final Set<String> CHECKER = Set.of("check.js", "checker.js");

    Assets(Theme theme, BaseUrl base, boolean checker) {
        Map<String, byte[]> all = new TreeMap<>(theme.assets());
        if (!checker) {
            all.keySet().removeAll(CHECKER);
        }
        this.files = all;
        files.forEach((name, bytes) -> paths.put(name, fingerprint(name, bytes)));
        paths.forEach((name, path) -> urls.put(name, base.url(path)));
    }

    /** Each asset's URL by its name in the theme ({@code style.css}), for the templates. */
    Map<String, String> urls() {
        return Collections.unmodifiableMap(urls);
    }

    List<Output> outputs() {
        List<Output> out = new ArrayList<>();
        files.forEach((name, bytes) -> out.add(new Output.Bytes(paths.get(name), bytes)));
        return out;
    }

    /** {@code assets/style.css} with content hash: {@code assets/style.1a2b3c4d.css}. */
    static String fingerprint(String name, byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String hash = HexFormat.of().formatHex(digest, 0, 4);
            int dot = name.lastIndexOf('.');
            return "assets/" + (dot < 0 ? name + "." + hash : name.substring(0, dot) + "." + hash + name.substring(dot));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
