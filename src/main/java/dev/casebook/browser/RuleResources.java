package dev.casebook.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.teavm.classlib.ResourceSupplier;
import org.teavm.classlib.ResourceSupplierContext;

/**
 * Tells TeaVM which classpath resources the browser bundle carries: the rule catalog and the
 * LiteLLM and WrenAI facts, read by the validator exactly as on the JVM. Used only at build time.
 */
public final class RuleResources implements ResourceSupplier {

    @Override
    public String[] supplyResources(ResourceSupplierContext context) {
        List<String> out = new ArrayList<>(List.of("rules/catalog.yaml", "rules/wren-pipes.yaml",
                "rules/wren-settings.yaml", "rules/wren-litellm.yaml", "rules/embedding-sizes.tsv", "litellm/facts.tsv"));
        try (InputStream in = context.getClassLoader().getResourceAsStream("rules/catalog.yaml")) {
            Matcher m = Pattern.compile("\\b[A-Z]+[0-9]{3}\\b").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                out.add("rules/" + m.group() + ".yaml");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArray(new String[0]);
    }
}
