package org.replycast.terminal;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.replycast.console.ConsoleRole;
import org.replycast.console.ConsoleUser;
import org.replycast.console.PageMessages;
import org.replycast.console.Pager;
import org.replycast.console.Permitted;
import org.replycast.problem.ProblemException;

/**
 * The console's terminals page: search and pages of terminals for admins and operators; registering,
 * rotating secrets, disabling and enabling, and editing the schedule and auto-answer for admins only, through
 * {@link TerminalService} as the admin API does. A new secret is shown once, through {@link RevealedSecret}.
 */
@Named
@ViewScoped
public class TerminalsPage implements Serializable {

    static final int PAGE_SIZE = 20;
    private static final int MAX_SEARCH_LENGTH = 200;
    private static final List<String> REGISTER_FIELDS = List.of("terminalId", "displayName", "autoAnswerSeconds");
    private static final List<String> EDIT_FIELDS = List.of("displayName", "autoAnswerSeconds", "schedule");

    /** A terminal as a row of the list. */
    public record Row(
            String terminalId, String displayName, boolean enabled, Integer autoAnswerSeconds, String schedule)
            implements Serializable {

        static Row of(Terminal terminal) {
            return new Row(
                    terminal.getTerminalId(),
                    terminal.getDisplayName(),
                    terminal.isEnabled(),
                    terminal.getAutoAnswerSeconds(),
                    ScheduleText.format(terminal.getSchedule()));
        }
    }

    @Inject
    TerminalService terminalService;

    @Inject
    ConsoleUser user;

    @Inject
    RevealedSecret revealed;

    private String search = "";
    private final Pager pager = new Pager(PAGE_SIZE);
    private List<Row> rows = List.of();

    private String newTerminalId;
    private String newDisplayName;
    private Integer newAutoAnswer;

    private String editing;
    private String editName;
    private Integer editAutoAnswer;
    private String editSchedule;

    /** The view action: the first page. */
    public void open() {
        load();
    }

    public void find() {
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            PageMessages.invalid("search:q", "Search for at most " + MAX_SEARCH_LENGTH + " characters.");
            return;
        }
        pager.first();
        load();
    }

    public void next() {
        pager.next();
        load();
    }

    public void previous() {
        pager.previous();
        load();
    }

    @Permitted(ConsoleRole.ADMIN)
    public void register() {
        try {
            RegisteredTerminal registered = terminalService.register(
                    new TerminalRegistration(newTerminalId, newDisplayName, newAutoAnswer, null, null), user.getName());
            String terminalId = registered.terminal().getTerminalId();
            revealed.reveal(terminalId, registered.secret());
            PageMessages.done("Terminal " + terminalId + " registered.");
            newTerminalId = null;
            newDisplayName = null;
            newAutoAnswer = null;
            load();
        } catch (ProblemException refused) {
            PageMessages.refused(refused, "register", REGISTER_FIELDS);
        }
    }

    @Permitted(ConsoleRole.ADMIN)
    public void rotate(String terminalId) {
        act(() -> {
            revealed.reveal(terminalId, terminalService.rotateSecret(terminalId, user.getName()));
            PageMessages.done("The secret of " + terminalId + " was replaced; the old one no longer works.");
        });
    }

    @Permitted(ConsoleRole.ADMIN)
    public void setEnabled(String terminalId, boolean enabled) {
        act(() -> {
            terminalService.update(terminalId, new TerminalChanges(null, null, null, enabled, null), user.getName());
            PageMessages.done("Terminal " + terminalId + (enabled ? " enabled." : " disabled; its calls ended."));
        });
    }

    @Permitted(ConsoleRole.ADMIN)
    public void edit(String terminalId) {
        act(() -> {
            Terminal terminal = terminalService.find(terminalId);
            editing = terminalId;
            editName = terminal.getDisplayName();
            editAutoAnswer = terminal.getAutoAnswerSeconds();
            editSchedule = ScheduleText.format(terminal.getSchedule());
        });
    }

    @Permitted(ConsoleRole.ADMIN)
    public void save() {
        try {
            terminalService.update(
                    editing,
                    new TerminalChanges(
                            editName,
                            Optional.ofNullable(editAutoAnswer),
                            ScheduleText.parse(editSchedule),
                            null,
                            null),
                    user.getName());
            PageMessages.done("Terminal " + editing + " saved.");
            editing = null;
            load();
        } catch (ProblemException refused) {
            PageMessages.refused(refused, "edit", EDIT_FIELDS);
        }
    }

    @Permitted(ConsoleRole.ADMIN)
    public void cancel() {
        editing = null;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (ProblemException refused) {
            PageMessages.refused(refused);
        }
        load();
    }

    private void load() {
        pager.counted(terminalService.count(search));
        rows = terminalService.search(search, pager.offset(), pager.size()).stream()
                .map(Row::of)
                .toList();
    }

    /**
     * The terminal page's address with the terminal id filled in, for the QR code; the secret stays out of
     * it, so that the address in a photo, a browser history or a proxy log signs nothing in.
     */
    public String getTerminalPageUrl() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return URI.create(request.getRequestURL().toString())
                        .resolve(request.getContextPath() + "/terminal/")
                        .toString()
                + "#id=" + URLEncoder.encode(revealed.getTerminalId(), StandardCharsets.UTF_8);
    }

    /** "21–40 of 60", or "No terminals" for an empty page. */
    public String getShowing() {
        return pager.showing(rows.size(), search == null || search.isBlank() ? "No terminals." : "No terminals match.");
    }

    public Pager getPager() {
        return pager;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getNewTerminalId() {
        return newTerminalId;
    }

    public void setNewTerminalId(String newTerminalId) {
        this.newTerminalId = newTerminalId;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public Integer getNewAutoAnswer() {
        return newAutoAnswer;
    }

    public void setNewAutoAnswer(Integer newAutoAnswer) {
        this.newAutoAnswer = newAutoAnswer;
    }

    public String getEditing() {
        return editing;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public Integer getEditAutoAnswer() {
        return editAutoAnswer;
    }

    public void setEditAutoAnswer(Integer editAutoAnswer) {
        this.editAutoAnswer = editAutoAnswer;
    }

    public String getEditSchedule() {
        return editSchedule;
    }

    public void setEditSchedule(String editSchedule) {
        this.editSchedule = editSchedule;
    }
}
