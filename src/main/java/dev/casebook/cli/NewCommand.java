package dev.casebook.cli;

import dev.casebook.content.Fact;
import dev.casebook.content.Lang;
import dev.casebook.content.SiteConfig;
import dev.casebook.diag.Terminal;
import dev.casebook.load.ContentLoader;
import dev.casebook.publish.SafeFiles;
import dev.casebook.render.PageKinds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Starts an article: writes content/<section>/<slug>/index.<lang>.md for every language of the "
                + "site, with the whole front matter and the sections of a troubleshooting article "
                + "(symptoms, cause, fix, verify, sources). Never overwrites a file."})
final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SECTION/SLUG", description = "Where the article goes, e.g. litellm/openai-prefix-ollama-auth.")
    String where;

    @Option(names = "--site", paramLabel = "DIR", description = "Knowledge base folder, holding content/ (default: current folder).")
    Path site = Path.of(".");

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date (default: today).")
    LocalDate date;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        String[] parts = where.replaceAll("^/+|/+$", "").split("/");
        if (parts.length != 2) {
            throw new CommandLine.ParameterException(cli, "give the article as <section>/<slug>, e.g. litellm/openai-prefix-ollama-auth, not " + where);
        }
        ContentLoader loader = new ContentLoader(false, PageKinds.reservedSections());
        loader.nameProblem(parts[0], true).or(() -> loader.nameProblem(parts[1], false)).ifPresent(p -> {
            throw new CommandLine.ParameterException(cli, p);
        });
        SiteOptions.requireSite(cli, site);
        SiteConfig config = loader.load(site).value().config();
        List<Lang> languages = config.languages();
        Path bundle = site.resolve("content").resolve(parts[0]).resolve(parts[1]);
        List<Path> files = new ArrayList<>();
        for (Lang lang : languages) {
            Path file = bundle.resolve("index." + lang.code() + ".md");
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                cli.getErr().println("casebook new: " + site.relativize(file) + " exists; nothing written");
                return Main.USAGE;
            }
            files.add(file);
        }
        LocalDate day = date != null ? date : LocalDate.now();
        try {
            for (int i = 0; i < languages.size(); i++) {
                SafeFiles.create(site, files.get(i), skeleton(languages.get(i), day, i == 0, config.rulePacks().keySet())
                        .getBytes(StandardCharsets.UTF_8));
                cli.getOut().println("wrote " + site.relativize(files.get(i)).toString().replace('\\', '/'));
            }
        } catch (SafeFiles.UnsafePathException e) {
            cli.getErr().println("casebook new: " + Terminal.safe(e.getMessage()) + "; nothing more written");
            return Main.CONTENT_ERRORS;
        }
        cli.getErr().println("casebook new: fill in the TODOs (`casebook check` lists them), preview with `casebook serve --drafts`, "
                + "and delete `draft: true` to publish");
        return Main.OK;
    }

    /**
     * The file of one language; the language-neutral facts go in the first language's file only.
     * Keys that only rules read, and the note on annotating checked configs, appear only where
     * the site uses a rule pack that reads them.
     */
    static String skeleton(Lang lang, LocalDate date, boolean facts, Set<String> packs) {
        boolean zh = lang.code().equals("zh") || lang.code().startsWith("zh-");
        StringBuilder s = new StringBuilder("---\n");
        if (zh) {
            s.append("title: \"TODO：读者会搜索的症状或报错\"\n");
            s.append("summary: \"TODO：一句话说明出了什么问题、为什么。\"\n");
        } else {
            s.append("title: \"TODO: the symptom or error, as a reader would search for it\"\n");
            s.append("summary: \"TODO: one sentence that says what goes wrong and why.\"\n");
        }
        s.append("date: ").append(date).append('\n');
        s.append(zh ? "draft: true  # 写完后删掉这一行，文章才会发布\n" : "draft: true  # delete this line to publish the article\n");
        if (facts) {
            s.append(zh ? "# 以下事实与语言无关，只写一次（写在任一语言的文件里）\n"
                    : "# Facts that hold in every language: written once, in one of the files\n");
            Fact.ALL.stream().filter(f -> !f.environment()).forEach(f -> s.append(f.skeleton()));
            List<Fact<?>> environment = Fact.ALL.stream().filter(f -> f.packs().stream().anyMatch(packs::contains)).toList();
            if (!environment.isEmpty()) {
                s.append(zh ? "# 代码片段所针对的环境（按需取消注释）\n" : "# where the article's configs run (uncomment what applies)\n");
                environment.forEach(f -> s.append(f.skeleton()));
            }
        }
        s.append("---\n\n");
        List<String[]> sections = zh ? List.of(
                new String[] {"症状", "TODO：读者看到了什么。把日志里的报错原样贴出来：\n\n```text\nTODO\n```"},
                new String[] {"原因", "TODO：为什么会这样，指向出错的那一行配置。"},
                new String[] {"解决方法", packs.isEmpty() ? "TODO：修好的配置或命令：\n\n```yaml file=config.yaml\n# TODO\n```"
                        : "TODO：修好的配置。出错的写法用 `expect=规则编号` 标注，修好的写法会在构建时被检查：\n\n"
                        + "```yaml file=config.yaml group=after\n# TODO\n```"},
                new String[] {"验证", "TODO：怎样确认已经修好（命令和预期输出）。"},
                new String[] {"来源", "- TODO：issue 链接、文档链接"})
                : List.of(
                new String[] {"Symptoms", "TODO: what the reader sees. Paste the error as the log prints it:\n\n```text\nTODO\n```"},
                new String[] {"Cause", "TODO: why it happens, down to the line of config that is wrong."},
                new String[] {"Fix", packs.isEmpty() ? "TODO: the fixed config or command:\n\n```yaml file=config.yaml\n# TODO\n```"
                        : "TODO: the fixed config. Mark a broken one with `expect=RULE`; fixed ones are checked "
                        + "at build time:\n\n```yaml file=config.yaml group=after\n# TODO\n```"},
                new String[] {"Verify", "TODO: how to see that it works (a command and what it prints)."},
                new String[] {"Sources", "- TODO: the issue threads and docs this article rests on"});
        for (String[] section : sections) {
            s.append("## ").append(section[0]).append("\n\n").append(section[1]).append("\n\n");
        }
        return s.toString().stripTrailing() + "\n";
    }
}
