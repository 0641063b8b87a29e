package org.replycast.display;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.replycast.api.RangedFile;
import org.replycast.console.ConsoleRole;
import org.replycast.message.DisplayCopyService;
import org.replycast.message.Message;
import org.replycast.message.MessageService;
import org.replycast.persistence.IdentifierRule;
import org.replycast.problem.ProblemException;

/**
 * {@code /console/media/{messageId}/play | thumbnail | original}: a stored reply's media for the console's
 * moderation page, on the console's own sign-in (the admin API wants a bearer token, which a page does not
 * have): the playable copy (the reply as sent until it is made), the thumbnail, and the original bytes as a
 * download. Only admins and moderators; the same rule stands in {@code web.xml}.
 */
@WebServlet("/console/media/*")
public class ConsoleMediaServlet extends HttpServlet {

    @Inject
    ModerationService moderation;

    @Inject
    DisplayService displayService;

    @Inject
    DisplayCopyService displayCopies;

    @Inject
    MessageService messageService;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(ConsoleRole.ADMIN.roleName())
                && !request.isUserInRole(ConsoleRole.MODERATOR.roleName())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String[] parts = request.getPathInfo() == null
                ? new String[0]
                : request.getPathInfo().split("/");
        if (parts.length != 3 || !IdentifierRule.isValid(parts[1])) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String messageId = parts[1];
        try {
            switch (parts[2]) {
                case "play" -> {
                    Message message =
                            messageService.media(moderation.find(messageId)).message();
                    DisplayMedia media = displayService.playable(message);
                    send(media.file(), media.contentType(), request, response);
                }
                case "thumbnail" -> {
                    DisplayCopyService.Copy thumbnail = displayCopies.find(messageId, true);
                    send(thumbnail.file(), thumbnail.contentType(), request, response);
                }
                case "original" -> {
                    MessageService.Media original = messageService.media(moderation.find(messageId));
                    // Always a download, never rendered: the type is the sender's word, not checked.
                    response.setHeader("Content-Disposition", "attachment; filename=\"" + messageId + "\"");
                    send(original.file(), "application/octet-stream", request, response);
                }
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (ProblemException | NoSuchFileException missing) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void send(Path file, String contentType, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long length = Files.size(file);
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-cache");
        RangedFile.send(file, length, request.getHeader("Range"), response);
    }
}
