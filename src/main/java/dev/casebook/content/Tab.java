package dev.casebook.content;

import dev.casebook.diag.SourcePos;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tab of a content tab set ({@code === "macOS" {host_os=mac}}): consecutive tabs of a translation form
 * one set. The attributes set the environment its config snippets are checked under, over the front
 * matter's.
 *
 * @param set         the tab set's number in the translation, from 1
 * @param index       the tab's place in its set, from 0
 * @param environment the {@code {key=value}} attributes, in written order
 * @param pos         where the {@code ===} line is
 */
public record Tab(int set, int index, String label, Map<String, String> environment, SourcePos pos) {

    public Tab {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The snippet group name of this tab: its snippets are checked together, apart from the rest. */
    public String group() {
        return "tab " + set + "." + (index + 1) + " (" + label + ")";
    }
}
