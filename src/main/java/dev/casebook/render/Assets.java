package dev.casebook.render;

import dev.casebook.content.BaseUrl;
import dev.casebook.content.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private static final Set<String> CHECKER = Set.of("check.js", "check-worker.js", "checker.js");

    /** The site's card image for link previews, by its name among the assets, if it has one. */
    private final Optional<String> card;

    /**
     * @param checker whether the site has the check page, which alone needs the checker's files
     * @param card    the site's card image ({@code _site.yaml}'s {@code card_image}), published beside the assets
     */
    Assets(Theme theme, BaseUrl base, boolean checker, Optional<Path> card) {
        Map<String, byte[]> all = new TreeMap<>(theme.assets());
        if (!checker) {
            all.keySet().removeAll(CHECKER);
        }
        Optional<String> cardName = Optional.empty();
        if (card.isPresent()) {
            try {
                String file = card.get().getFileName().toString();
                cardName = Optional.of("card" + file.substring(file.lastIndexOf('.')).toLowerCase(Locale.ROOT));
                all.put(cardName.get(), Files.readAllBytes(card.get()));
            } catch (IOException e) {
                cardName = Optional.empty(); // reported by the loader, which checked the file
            }
        }
        this.card = cardName;
        this.files = all;
        files.forEach((name, bytes) -> paths.put(name, fingerprint(name, bytes)));
        paths.forEach((name, path) -> urls.put(name, base.url(path)));
    }

    /** Each asset's URL by its name in the theme ({@code style.css}), for the templates. */
    Map<String, String> urls() {
        return Collections.unmodifiableMap(urls);
    }

    /** The site path of the card image, when the site has one. */
    Optional<String> cardImage() {
        return card.map(paths::get);
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
