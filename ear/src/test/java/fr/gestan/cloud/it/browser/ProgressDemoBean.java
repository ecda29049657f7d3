package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.web.progress.BackgroundWork;
import fr.gestan.cloud.web.progress.Progress;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Test-only bean of the page it/frame.xhtml of FrameIT (in {@link JourneyEar}): long work, and a failure. */
@Named
@ViewScoped
public class ProgressDemoBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BackgroundWork work;

    private Progress progress;

    public void start() {
        progress = work.start("demo", p -> {
            p.total(12);
            for (int i = 0; i < 12; i++) {
                Thread.sleep(250);
                p.advance(1);
            }
        });
    }

    public void startFailing() {
        progress = work.start("demo-failing", p -> {
            p.total(10);
            p.advance(4);
            Thread.sleep(1500);
            throw new IllegalStateException("the demo work fails on purpose");
        });
    }

    public Progress getProgress() {
        return progress;
    }

    /** Makes the page fail while rendering: the 500 page must show, without a stack trace. */
    public String getBoom() {
        throw new IllegalStateException("this page fails on purpose, stack trace must not be shown");
    }
}
