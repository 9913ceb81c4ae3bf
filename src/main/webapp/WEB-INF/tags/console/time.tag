<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="value" required="true" type="java.time.Instant" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%-- An instant in UTC to the second; ISO_INSTANT always prints the seconds, so the first 19 characters are exact. --%>
<c:set var="iso" value="${value.toString()}"/>
<time datetime="<c:out value='${iso}'/>"><c:out value="${fn:replace(fn:substring(iso, 0, 19), 'T', ' ')}"/> UTC</time>
