package dev.casebook.content;

import java.util.List;
import java.util.Optional;

/** Everything the load stage read: the site configuration and the articles, sorted by id. */
public record Source(SiteConfig config, List<Article> articles) {

    public Source {
        articles = List.copyOf(articles);
    }

    public Optional<Article> article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
