package dev.casebook.pipeline;

import dev.casebook.content.Document;
import dev.casebook.content.Facts;
import dev.casebook.content.Lang;
import dev.casebook.content.SiteSchemas;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.schema.JsonSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the preview keeps between builds, per translation: its parsed document, its snippet checks
 * and its resolved links, each with the inputs it came from. A result is reused only when its
 * inputs are equal (the translation and its callout titles; the document, facts and rules; the
 * document and the site's link targets).
 */
final class BuildCache {

    /** A translation without its body, and its body's hash and length: enough to tell a changed file. */
    private record Parsed(Translation translation, int bodyHash, int bodyLength, Map<String, String> callouts,
                          Document document) {
        boolean isFor(Translation t, Map<String, String> titles) {
            return t.body().hashCode() == bodyHash && t.body().length() == bodyLength
                    && t.withoutBody().equals(translation) && titles.equals(callouts);
        }
    }

    private record Validated(Document document, Facts facts, Catalog catalog, SiteSchemas schemas, Outcome<List<SnippetVerdict>> result) {
    }

    private record Checked(Document document, LinkTargets targets, Outcome<List<String>> result) {
    }

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    private final Map<String, Validated> validated = new ConcurrentHashMap<>();
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    /**
     * The paths whose last result has diagnostics, per stage: a small change gathers the site's
     * findings from these few instead of from every translation.
     */
    private final Set<String> parseFindings = ConcurrentHashMap.newKeySet();
    private final Set<String> validateFindings = ConcurrentHashMap.newKeySet();
    private final Set<String> checkFindings = ConcurrentHashMap.newKeySet();
    /** the callout titles of the last full parse */
    private Map<Lang, Map<String, String>> callouts;
    /** the link targets every entry of {@link #checked} was last resolved against */
    private LinkTargets checkedAgainst;
    /**
     * The link targets of the last check, kept so that an equal set is the same object: equal
     * targets then compare in constant time, since records and collections compare themselves
     * first by reference.
     */
    private volatile LinkTargets lastTargets;

    /** the site's schemas as the last build compiled them, and what they were compiled from */
    private SiteSchemas schemasOf;
    private Outcome<JsonSchemas> schemas;

    /** The compiled schemas of {@code site}: those of the last build while the schema files are the same. */
    synchronized Outcome<JsonSchemas> schemas(SiteSchemas site) {
        if (!site.equals(schemasOf)) {
            schemas = JsonSchemas.of(site);
            schemasOf = site;
        }
        return schemas;
    }

    Map<Lang, Map<String, String>> callouts() {
        return callouts;
    }

    void callouts(Map<Lang, Map<String, String>> titles) {
        this.callouts = titles;
    }

    LinkTargets checkedAgainst() {
        return checkedAgainst;
    }

    void checkedAgainst(LinkTargets targets) {
        this.checkedAgainst = targets;
    }

    Document parse(Translation t, Map<String, String> titles, Supplier<Document> work) {
        Parsed p = parsed.get(t.path());
        if (p != null && p.isFor(t, titles)) {
            return p.document();
        }
        Document doc = work.get();
        parsed.put(t.path(), new Parsed(t.withoutBody(), t.body().hashCode(), t.body().length(), titles, doc));
        noteFindings(parseFindings, t.path(), doc.problems());
        return doc;
    }

    Outcome<List<SnippetVerdict>> validate(String path, Document doc, Facts facts, Catalog catalog, SiteSchemas schemas,
                                         Supplier<Outcome<List<SnippetVerdict>>> work) {
        Validated v = validated.get(path);
        if (v != null && v.document().equals(doc) && v.facts().equals(facts) && v.catalog().equals(catalog)
                && v.schemas().equals(schemas)) {
            return v.result();
        }
        Outcome<List<SnippetVerdict>> result = work.get();
        validated.put(path, new Validated(doc, facts, catalog, schemas, result));
        noteFindings(validateFindings, path, result.diagnostics());
        return result;
    }

    /** {@code targets}, or the last build's when they are equal. */
    LinkTargets canonical(LinkTargets targets) {
        LinkTargets last = lastTargets;
        if (last != null && last.equals(targets)) {
            return last;
        }
        lastTargets = targets;
        return targets;
    }

    Outcome<List<String>> check(String path, Document doc, LinkTargets targets, Supplier<Outcome<List<String>>> work) {
        Checked c = checked.get(path);
        if (c != null && c.document().equals(doc) && c.targets().equals(targets)) {
            return c.result();
        }
        Outcome<List<String>> result = work.get();
        checked.put(path, new Checked(doc, targets, result));
        noteFindings(checkFindings, path, result.diagnostics());
        return result;
    }

    private static void noteFindings(Set<String> findings, String path, List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            findings.remove(path);
        } else {
            findings.add(path);
        }
    }

    void forget(List<String> paths) {
        paths.forEach(p -> {
            parsed.remove(p);
            validated.remove(p);
            checked.remove(p);
            parseFindings.remove(p);
            validateFindings.remove(p);
            checkFindings.remove(p);
        });
    }

    /** What kept documents from being read, for every translation parsed and not forgotten since. */
    List<Diagnostic> parseProblems() {
        List<Diagnostic> all = new ArrayList<>();
        parseFindings.forEach(p -> all.addAll(parsed.get(p).document().problems()));
        return all;
    }

    /** The snippet diagnostics of {@code paths}, as their last validation found them. */
    List<Diagnostic> validateDiagnostics(Set<String> paths) {
        List<Diagnostic> all = new ArrayList<>();
        validateFindings.stream().filter(paths::contains).forEach(p -> all.addAll(validated.get(p).result().diagnostics()));
        return all;
    }

    /** The link diagnostics of {@code paths}, as their last check found them. */
    List<Diagnostic> checkDiagnostics(Set<String> paths) {
        List<Diagnostic> all = new ArrayList<>();
        checkFindings.stream().filter(paths::contains).forEach(p -> all.addAll(checked.get(p).result().diagnostics()));
        return all;
    }

    void retain(Set<String> paths) {
        parsed.keySet().retainAll(paths);
        validated.keySet().retainAll(paths);
        checked.keySet().retainAll(paths);
        parseFindings.retainAll(paths);
        validateFindings.retainAll(paths);
        checkFindings.retainAll(paths);
    }
}
