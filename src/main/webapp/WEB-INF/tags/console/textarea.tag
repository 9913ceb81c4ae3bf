<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="name" required="true" %>
<%@ attribute name="hint" %>
<%@ attribute name="rows" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<%-- A labelled text area (one value per line), with its hint and errors like text.tag. --%>
<c:set var="errors" value="${requestScope.fieldErrors[name]}"/>
<div class="field<c:if test='${not empty errors}'> field-invalid</c:if>">
  <label for="<c:out value='f-${name}'/>"><fmt:message key="admin.field.${name}"/></label>
  <c:if test="${not empty hint}"><p class="hint" id="<c:out value='f-${name}-hint'/>"><fmt:message key="${hint}"/></p></c:if>
  <c:forEach var="reason" items="${errors}"><p class="field-error" id="<c:out value='f-${name}-error'/>"><c:out value="${reason}"/></p></c:forEach>
  <textarea id="<c:out value='f-${name}'/>" name="<c:out value='${name}'/>" rows="<c:out value='${empty rows ? 3 : rows}'/>"<c:if test="${not empty errors and requestScope.firstInvalid == name}"> autofocus</c:if><c:if test="${not empty errors}"> aria-invalid="true"</c:if><c:if test="${not empty hint or not empty errors}"> aria-describedby="<c:if test='${not empty hint}'><c:out value='f-${name}-hint '/></c:if><c:if test='${not empty errors}'><c:out value='f-${name}-error'/></c:if>"</c:if>><c:out value="${requestScope.values[name]}"/></textarea>
</div>
