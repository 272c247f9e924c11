package dev.casebook.content;

import dev.casebook.diag.SourcePos;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON Schemas a site checks its config snippets with, beside the built-in ones: the files of
 * {@code content/_schemas/<name>.schema.json}, and the {@code schemas:} of {@code _site.yaml} that pick
 * one by file name ({@code ".github/workflows/*.yml": github-workflow}).
 */
public record SiteSchemas(List<File> files, List<ByFileName> byFileName) {

    /** One schema file: its name (the file name without {@code .schema.json}), path and text. */
    public record File(String name, String path, String text) {
    }

    /**
     * A file-name pattern and the schema it picks; the first pattern that matches wins.
     *
     * @param glob a pattern on the file name a block or file is given ({@code *} within a folder,
     *             {@code **} across folders); a pattern without {@code /} matches the last part only
     */
    public record ByFileName(String glob, String schema, SourcePos pos) {

        public boolean matches(String fileName) {
            String name = fileName.replace('\\', '/');
            if (glob.indexOf('/') < 0) {
                name = name.substring(name.lastIndexOf('/') + 1);
            } else if (name.startsWith("./")) {
                name = name.substring(2);
            }
            return name.matches(regex(glob)) || !glob.startsWith("/") && !glob.startsWith("**") && name.matches(".*/" + regex(glob));
        }

        private static String regex(String glob) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    out.append(".*");
                    i++;
                } else if (c == '*') {
                    out.append("[^/]*");
                } else if (c == '?') {
                    out.append("[^/]");
                } else {
                    out.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return out.toString();
        }
    }

    public static final SiteSchemas NONE = new SiteSchemas(List.of(), List.of());

    public SiteSchemas {
        files = List.copyOf(files);
        byFileName = List.copyOf(byFileName);
    }

    /** The schema the site picks for a file of this name, if a pattern matches. */
    public Optional<String> forFileName(String fileName) {
        if (fileName.isEmpty()) {
            return Optional.empty();
        }
        return byFileName.stream().filter(p -> p.matches(fileName)).map(ByFileName::schema).findFirst();
    }

    public SiteSchemas withFiles(List<File> read) {
        return new SiteSchemas(read, byFileName);
    }
}
