package dev.casebook.content;

import java.util.List;
import java.util.Optional;

/** Everything the load stage read: the site configuration and the articles, sorted by id. */
public record SiteContent(SiteConfig config, List<Article> articles) {

    public SiteContent {
        articles = List.copyOf(articles);
    }

    /** The same articles without their Markdown bodies, once they are parsed. */
    public SiteContent withoutBodies() {
        // an article whose translations have no body left is kept as it is (the preview keeps most so)
        return new SiteContent(config, articles.stream().map(Article::withoutBodies).toList());
    }

    public Optional<Article> article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
