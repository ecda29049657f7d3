package fr.gestan.cloud.it.browser;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The layout check of forms, run in the page: each visible {@code label[for]} sits directly above or left of its own
 * field (right of it for a checkbox or radio button) with no other field between them, and every visible input,
 * select and textarea has a label ({@code <label for>}, {@code aria-label} or {@code aria-labelledby}). A field that
 * is visually hidden but focusable (PrimeFaces' accessible inputs) is placed where its visible widget is.
 * {@link Browser#open} runs it on every staff and portal page a journey opens.
 */
final class FormLabels {

    private static final String SCRIPT = """
            const problems = [];
            const shown = el => {
              if (!el.isConnected || el.getClientRects().length === 0) return false;
              const cs = getComputedStyle(el);
              return cs.display !== 'none' && cs.visibility !== 'hidden';
            };
            const widget = el => {
              let e = el, r = e.getBoundingClientRect();
              while ((r.width < 4 || r.height < 4) && e.parentElement) { e = e.parentElement; r = e.getBoundingClientRect(); }
              return {el: e, r: r};
            };
            const name = el => (el.id || el.name || el.tagName) + '';
            const fields = [...document.querySelectorAll('input, select, textarea')].filter(el => {
              const type = (el.getAttribute('type') || '').toLowerCase();
              if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) return false;
              if (el.getAttribute('aria-hidden') === 'true' || el.closest('[aria-hidden="true"]')) return false;
              if (el.tabIndex < 0 && el.closest('.ui-helper-hidden-accessible')) return false;
              return shown(el);
            });
            for (const f of fields) {
              const labelled = (f.labels && [...f.labels].some(l => l.textContent.trim() !== ''))
                || (f.getAttribute('aria-label') || '').trim() !== ''
                || (f.getAttribute('aria-labelledby') || '').split(/\\s+/).some(id => id && document.getElementById(id)
                      && document.getElementById(id).textContent.trim() !== '');
              if (!labelled) problems.push('field without a label: ' + name(f));
            }
            const boxes = fields.map(f => ({f: f, w: widget(f)}));
            const overlaps = (a, b) => a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1;
            for (const label of document.querySelectorAll('label[for]')) {
              if (!shown(label)) continue;
              const lr = label.getBoundingClientRect();
              if (lr.width < 4 || lr.height < 4) continue; // visually hidden label: nothing to place
              const text = label.textContent.trim().substring(0, 40);
              const target = document.getElementById(label.htmlFor);
              if (!target) { problems.push('"' + text + '" labels nothing (for=' + label.htmlFor + ')'); continue; }
              const tw = widget(target), t = tw.r;
              if (!shown(target) && t.width === 0) { problems.push('"' + text + '" labels a hidden field ' + label.htmlFor); continue; }
              const type = (target.getAttribute('type') || '').toLowerCase();
              const check = type === 'checkbox' || type === 'radio';
              const tol = 4;
              const hOverlap = lr.left < t.right && lr.right > t.left;
              const vOverlap = lr.top < t.bottom && lr.bottom > t.top;
              let gap = null;
              if (lr.bottom <= t.top + tol && hOverlap && t.top - lr.bottom < 80) {
                gap = {left: Math.max(lr.left, t.left), right: Math.min(lr.right, t.right), top: lr.bottom, bottom: t.top};
              } else if (lr.right <= t.left + tol && vOverlap && t.left - lr.right < 400) {
                gap = {left: lr.right, right: t.left, top: Math.max(lr.top, t.top), bottom: Math.min(lr.bottom, t.bottom)};
              } else if (check && lr.left >= t.right - tol && vOverlap && lr.left - t.right < 80) {
                gap = {left: t.right, right: lr.left, top: Math.max(lr.top, t.top), bottom: Math.min(lr.bottom, t.bottom)};
              }
              if (gap === null) {
                problems.push('"' + text + '" is neither directly above nor left of its field ' + label.htmlFor
                  + ' (label ' + Math.round(lr.left) + ',' + Math.round(lr.top) + ' field ' + Math.round(t.left) + ',' + Math.round(t.top) + ')');
                continue;
              }
              for (const other of boxes) {
                if (other.f === target || other.w.el === tw.el || other.w.el.contains(target) || tw.el.contains(other.f)) continue;
                if (overlaps(other.w.r, gap)) problems.push('"' + text + '": field ' + name(other.f) + ' sits between the label and ' + label.htmlFor);
              }
            }
            return problems;
            """;

    private FormLabels() {
    }

    /** What is wrong with the labels of the page the browser shows (empty when nothing). */
    @SuppressWarnings("unchecked")
    static List<String> problems(WebDriver driver) {
        Object result = ((JavascriptExecutor) driver).executeScript(SCRIPT);
        return ((List<Object>) result).stream().map(String::valueOf).toList();
    }

    /** Fails, naming the page and each problem, when a label of the page is misplaced or a field has none. */
    static void check(WebDriver driver) {
        List<String> problems = problems(driver);
        if (!problems.isEmpty()) {
            throw new AssertionError("Form labels on " + driver.getCurrentUrl() + ":\n  " + String.join("\n  ", problems));
        }
    }
}
