package dev.casebook.diag;

import java.util.Locale;

/** How diagnostics are printed: plain text for people, or GitHub Actions workflow commands. */
public enum DiagnosticFormat {
    TEXT, GITHUB;

    public static DiagnosticFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String format(Diagnostic d) {
        return switch (this) {
            case TEXT -> d.format();
            case GITHUB -> "::" + d.severity().label()
                    + " file=" + property(d.pos().path())
                    + ",line=" + d.pos().line()
                    + ",col=" + d.pos().column()
                    + ",title=" + property(d.id())
                    + "::" + data(d.hint().isEmpty() ? d.message() : d.message() + "\n" + d.hint());
        };
    }

    // GitHub's workflow-command escaping: data escapes % CR LF, properties also : and ,
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
