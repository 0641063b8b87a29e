/**
 * The problems a request can run into, each with the stable code of the terminal protocol, its HTTP status
 * and a title; services throw {@link org.replycast.problem.ProblemException} and the web module turns it
 * into RFC 9457 problem details. {@link org.replycast.problem.EntityRules} and {@link
 * org.replycast.problem.IntegrityViolation} turn what entities and the database refuse into such problems.
 */
package org.replycast.problem;
