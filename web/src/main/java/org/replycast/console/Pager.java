package org.replycast.console;

import java.io.Serializable;

/**
 * Where a console list stands: pages of a fixed size over a total the database counts, so that a list of
 * thousands loads one page at a time. A page keeps it in its view scope.
 */
public class Pager implements Serializable {

    private final int size;
    private int offset;
    private long total;

    public Pager(int size) {
        this.size = size;
    }

    public int offset() {
        return offset;
    }

    public int size() {
        return size;
    }

    public void first() {
        offset = 0;
    }

    public void next() {
        if (offset + size < total) {
            offset += size;
        }
    }

    public void previous() {
        offset = Math.max(0, offset - size);
    }

    /** The total just counted; a page past it (rows removed since) becomes the last page there is. */
    public void counted(long total) {
        this.total = total;
        if (offset >= total) {
            offset = (int) Math.max(0, (total - 1) / size * size);
        }
    }

    /** "21–40 of 60" for the rows shown, or the text for none. */
    public String showing(int shown, String none) {
        return total == 0 ? none : (offset + 1) + "–" + (offset + shown) + " of " + total;
    }

    public boolean isHasPrevious() {
        return offset > 0;
    }

    public boolean isHasNext() {
        return offset + size < total;
    }
}
