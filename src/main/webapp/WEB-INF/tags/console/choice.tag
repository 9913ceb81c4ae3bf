<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="name" required="true" %>
<%@ attribute name="options" required="true" type="java.util.List" %>
<%@ attribute name="multiple" type="java.lang.Boolean" %>
<%@ attribute name="hint" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<%-- A group of radio buttons (one value) or check boxes (multiple), in a fieldset whose legend is the field's label.
     Options are wire values, shown as they are registered (e.g. authorization_code). --%>
<c:set var="errors" value="${requestScope.fieldErrors[name]}"/>
<fieldset class="field choice<c:if test='${not empty errors}'> field-invalid</c:if>" id="<c:out value='f-${name}'/>"<c:if test="${not empty hint or not empty errors}"> aria-describedby="<c:if test='${not empty hint}'><c:out value='f-${name}-hint '/></c:if><c:if test='${not empty errors}'><c:out value='f-${name}-error'/></c:if>"</c:if>>
  <legend><fmt:message key="admin.field.${name}"/></legend>
  <c:if test="${not empty hint}"><p class="hint" id="<c:out value='f-${name}-hint'/>"><fmt:message key="${hint}"/></p></c:if>
  <c:forEach var="reason" items="${errors}"><p class="field-error" id="<c:out value='f-${name}-error'/>"><c:out value="${reason}"/></p></c:forEach>
  <c:forEach var="option" items="${options}" varStatus="i">
    <div class="option">
      <input type="<c:out value="${multiple ? 'checkbox' : 'radio'}"/>" id="<c:out value='f-${name}-${i.index}'/>" name="<c:out value='${name}'/>" value="<c:out value='${option}'/>"<c:if test="${requestScope.checked.contains(name.concat('=').concat(option))}"> checked</c:if>>
      <label for="<c:out value='f-${name}-${i.index}'/>"><code><c:out value="${option}"/></code></label>
    </div>
  </c:forEach>
</fieldset>
