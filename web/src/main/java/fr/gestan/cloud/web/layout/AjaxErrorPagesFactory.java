package fr.gestan.cloud.web.layout;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import org.primefaces.application.exceptionhandler.PrimeExceptionHandlerFactory;

/**
 * Exceptions of AJAX requests are handled by PrimeFaces, which redirects the browser to the error page web.xml maps
 * to the exception (an expired view goes to error/expired.xhtml) instead of failing silently. Other requests keep
 * the standard handling: the exception reaches the container, whose error page keeps the status code (500...).
 */
public class AjaxErrorPagesFactory extends ExceptionHandlerFactory {

    private final ExceptionHandlerFactory prime;

    public AjaxErrorPagesFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
        prime = new PrimeExceptionHandlerFactory(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        ExceptionHandler standard = getWrapped().getExceptionHandler();
        ExceptionHandler ajax = prime.getExceptionHandler();
        return new ExceptionHandlerWrapper(standard) {
            @Override
            public void processEvent(SystemEvent event) {
                standard.processEvent(event);
                ajax.processEvent(event);
            }

            @Override
            public void handle() {
                FacesContext context = FacesContext.getCurrentInstance();
                if (context != null && context.getPartialViewContext().isAjaxRequest()) {
                    ajax.handle();
                } else {
                    standard.handle();
                }
            }
        };
    }
}
