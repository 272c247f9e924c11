package dev.casebook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** content/_search/synonyms.yaml: sets of one-term words, read into the site's config; anything else is a config error. */
class SynonymsTest {

    @TempDir
    Path dir;

    @Test
    void setsOfOneTermWordsAreReadAndOthersAreConfigErrors() {
        TestSite.Built built = TestSite.write(dir, TestSite.ONE_ARTICLE + """
                -- content/_search/synonyms.yaml --
                - [密钥, 秘钥]
                - [embedding, 嵌入, open-ai_2]
                - [api key, 环境变量, ok]
                - lonely
                """).build();
        assertEquals("""
                content/_search/synonyms.yaml:3:4: error[config-value]: `api key` is not one search term
                content/_search/synonyms.yaml:3:13: error[config-value]: `环境变量` is not one search term
                content/_search/synonyms.yaml:4:3: error[config-value]: a set of synonyms lists two words or more""",
                built.headlines());
        TestSite.Built good = TestSite.write(dir.resolve("good"), TestSite.ONE_ARTICLE + """
                -- content/_search/synonyms.yaml --
                - [密钥, 秘钥]
                - [embedding, 嵌入]
                """).build();
        assertEquals("", good.diagnostics());
        assertEquals(List.of(List.of("密钥", "秘钥"), List.of("embedding", "嵌入")),
                new ContentLoader(false, dev.casebook.render.PageKinds.reservedSections()).load(dir.resolve("good"))
                        .value().config().synonyms());
    }
}
