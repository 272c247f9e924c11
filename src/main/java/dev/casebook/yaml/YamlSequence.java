package dev.casebook.yaml;

import dev.casebook.diag.SourcePos;
import java.util.List;

public record YamlSequence(List<YamlNode> items, SourcePos pos) implements YamlNode {

    public YamlSequence {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
