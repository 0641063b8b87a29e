package org.replycast.channel;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A title as its channel's filter reads it: compatibility-normalized and in lower case, so that {@code SPAM},
 * {@code Spam} and full-width {@code ｓｐａｍ} are one word, and matched on whole words only, so that a filter
 * of {@code ass} leaves {@code class} alone.
 */
final class TitleWords {

    private final String text;

    private TitleWords(String text) {
        this.text = text;
    }

    static TitleWords of(String title) {
        return new TitleWords(normalize(title));
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The first of the (normalized) words or phrases that stands in the title as whole words. */
    Optional<String> firstOf(Collection<String> words) {
        return words.stream().filter(this::contains).findFirst();
    }

    private boolean contains(String word) {
        // Letters and digits around the match would make it part of a longer word.
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                .matcher(text)
                .find();
    }
}
