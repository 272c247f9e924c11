package dev.casebook.load;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import dev.casebook.diag.Terminal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a section or article folder may be named: ASCII kebab-case (it becomes a URL), at most
 * {@value #MAX_NAME} characters, no Windows device name, and for a section, no name a page kind of
 * the site already takes.
 */
final class BundleNames {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The longest section or article folder name. */
    static final int MAX_NAME = 100;
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private final Set<String> reservedSections;

    BundleNames(Set<String> reservedSections) {
        this.reservedSections = Set.copyOf(reservedSections);
    }

    /** Why {@code name} cannot be a section ({@code section} true) or article folder, if it cannot. */
    Optional<String> problem(String name, boolean section) {
        if (!KEBAB.matcher(name).matches()) {
            return Optional.of("`" + Terminal.safe(shortened(name)) + "` is not ASCII kebab-case (a-z, 0-9 and hyphens; it becomes a URL)");
        }
        Optional<String> portable = portabilityProblem(name);
        if (portable.isPresent()) {
            return portable;
        }
        if (section && reservedSections.contains(name)) {
            return Optional.of("section name `" + name + "` is reserved for generated pages");
        }
        return Optional.empty();
    }

    /** Reports a folder found in content/ whose name cannot be a section or article; false when it cannot. */
    boolean check(String name, String rel, String what, List<Diagnostic> diagnostics) {
        if (!KEBAB.matcher(name).matches()) {
            diagnostics.add(Diagnostic.error("layout", SourcePos.file(rel),
                    what + " name `" + name + "` is not ASCII kebab-case",
                    "names become URLs: use a-z, 0-9 and hyphens, e.g. `openai-prefix-ollama-auth`"));
            return false;
        }
        Optional<String> portable = portabilityProblem(name);
        if (portable.isPresent()) {
            diagnostics.add(Diagnostic.error("layout", SourcePos.file(rel), what + " name " + portable.get(),
                    "rename the folder"));
            return false;
        }
        if (what.equals("section") && reservedSections.contains(name)) {
            diagnostics.add(Diagnostic.error("layout", SourcePos.file(rel),
                    "section name `" + name + "` is reserved for generated pages",
                    "rename the folder; reserved: " + String.join(", ", new TreeSet<>(reservedSections))));
            return false;
        }
        return true;
    }

    /**
     * A name a folder cannot have on every system a writer uses: longer than {@value #MAX_NAME}
     * characters (a file name is at most 255 bytes, and the name is part of every URL), or a device
     * name of Windows, where such a folder cannot be made.
     */
    private static Optional<String> portabilityProblem(String name) {
        if (name.length() > MAX_NAME) {
            return Optional.of("`" + shortened(name) + "` is " + name.length() + " characters long; a name becomes a folder and "
                    + "part of every URL: keep it to " + MAX_NAME);
        }
        if (WINDOWS_DEVICE.matcher(name).matches()) {
            return Optional.of("`" + name + "` is a device name on Windows, where no folder can have it");
        }
        return Optional.empty();
    }

    private static String shortened(String name) {
        return name.length() <= 60 ? name : name.substring(0, 57) + "…";
    }
}
