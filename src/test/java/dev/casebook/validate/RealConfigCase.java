package dev.casebook.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One case of {@code src/test/resources/real-configs/}: its files as a reader would give them
 * ({@code .env} with the values the case sets), the options of {@code casebook validate}, and
 * what a correct validator reports ({@code expect}: finding and why; {@code cause}: a thread's rules).
 */
record RealConfigCase(String name, String kind, String source, List<FileValidator.NamedText> files,
                      Map<String, String> environment, List<Map<String, String>> expect, List<String> causes) {

    static final Path CORPUS = Path.of("src/test/resources/real-configs");

    /** Every case of the corpus, in folder order. */
    static List<RealConfigCase> all() throws IOException {
        List<RealConfigCase> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("case.yaml"))).sorted().toList()) {
                out.add(read(dir));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static RealConfigCase read(Path dir) throws IOException {
        Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(dir.resolve("case.yaml"), StandardCharsets.UTF_8));
        Map<String, String> env = (Map<String, String>) Optional.ofNullable(spec.get("env")).orElse(Map.of());
        List<FileValidator.NamedText> files = new ArrayList<>();
        for (Map.Entry<String, String> f : ((Map<String, String>) spec.get("files")).entrySet()) {
            String text = Files.readString(dir.resolve(f.getValue()), StandardCharsets.UTF_8);
            files.add(new FileValidator.NamedText(f.getKey(), f.getKey().equals(".env") ? withValues(text, env) : text));
        }
        Map<String, Object> options = (Map<String, Object>) Optional.ofNullable(spec.get("options")).orElse(Map.of());
        Map<String, String> environment = new LinkedHashMap<>();
        Optional.ofNullable(options.get("wren_version")).ifPresent(v -> environment.put("wren_ai_service_version", String.valueOf(v)));
        Optional.ofNullable(options.get("deployment")).ifPresent(v -> environment.put("deployment", String.valueOf(v)));
        Optional.ofNullable(options.get("host_os")).ifPresent(v -> environment.put("host_os", String.valueOf(v)));
        Optional.ofNullable(options.get("litellm_version")).ifPresent(v -> environment.put("litellm_version", String.valueOf(v)));
        return new RealConfigCase(dir.getFileName().toString(), (String) spec.get("kind"), String.valueOf(spec.get("source")),
                files, environment, (List<Map<String, String>>) Optional.ofNullable(spec.get("expect")).orElse(List.of()),
                (List<String>) Optional.ofNullable(spec.get("cause")).orElse(List.of()));
    }

    /** The .env text with {@code values} set: an existing {@code KEY=} line is filled in, else the line is added. */
    static String withValues(String text, Map<String, String> values) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (Map.Entry<String, String> v : new TreeMap<>(values).entrySet()) {
            boolean set = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(v.getKey() + "=")) {
                    lines.set(i, v.getKey() + "=" + v.getValue());
                    set = true;
                }
            }
            if (!set) {
                lines.add(v.getKey() + "=" + v.getValue());
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
