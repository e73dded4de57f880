//! The accessibility statement, in the form of the UK government's model statement for the
//! Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations
//! 2018. It is about the app itself, not about an assessment, so its wording lives here rather
//! than in the core. Kept honest: what is tested and how, what is known not to work, and where
//! to report a problem (the project's issue tracker; there is no organisation behind it).

use yew::prelude::*;

/// Where people report problems: the open-source project's issue tracker.
const ISSUES: &str = "the issue tracker of the project's source code repository";

#[component]
pub fn AccessibilityStatement() -> Html {
    html! {
        <article class="statement" aria-labelledby="statement-heading" data-testid="accessibility-statement">
            <h2 id="statement-heading">{ "Accessibility statement for the NASSS complexity analyser" }</h2>
            <p>{ "This statement applies to the NASSS complexity analyser: this page and the app it holds. It is open-source software that runs entirely in your web browser. Nothing you type leaves your computer." }</p>
            <p>{ "We want as many people as possible to be able to use it. For example, you should be able to:" }</p>
            <ul>
                <li>{ "change colours, contrast levels and fonts using your browser or device settings" }</li>
                <li>{ "zoom in up to 400% without the text spilling off the screen" }</li>
                <li>{ "use the whole app with a keyboard alone" }</li>
                <li>{ "use it with a screen reader: every control has a label, and levels are said in words, not shown by colour alone" }</li>
                <li>{ "use it in light or dark colours, following your device's setting" }</li>
            </ul>

            <h3>{ "How accessible this app is" }</h3>
            <p>{ "We know some parts are not fully accessible:" }</p>
            <ul>
                <li>{ "the profile and timeline charts are pictures: the profile chart has a one-sentence description and the timeline chart is hidden from screen readers; the table or list beside each chart says the same, but the pictures cannot be explored point by point" }</li>
                <li>{ "share links and invitation links are long strings of letters and numbers that are hard to read aloud or check by eye" }</li>
                <li>{ "the app has not been tested by disabled people or with screen readers, so there may be problems we do not know about" }</li>
            </ul>

            <h3>{ "Feedback and contact information" }</h3>
            <p>{ format!("This app is made by an open-source project, not by an organisation with a help desk, email address or phone number. If you need information from this app in a different format, or have any other question about its accessibility, open an issue on {ISSUES}. Say which page or step you were on, what you were trying to do and what assistive technology you use, if any. Please do not include anything from your assessments.") }</p>

            <h3>{ "Reporting accessibility problems with this app" }</h3>
            <p>{ format!("We are always looking to improve the accessibility of this app. If you find any problems not listed on this page or think we are not meeting accessibility requirements, report them on {ISSUES}.") }</p>

            <h3>{ "Enforcement procedure" }</h3>
            <p>{ "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the \u{2018}accessibility regulations\u{2019}). If you are not happy with how a public body that offers you this app responds to your complaint, contact the Equality Advisory and Support Service (EASS). In Northern Ireland, the Equality Commission for Northern Ireland (ECNI) is responsible." }</p>

            <h3>{ "Technical information about this app's accessibility" }</h3>
            <p>{ "The project is committed to making the app accessible, in line with the accessibility regulations." }</p>
            <h4>{ "Compliance status" }</h4>
            <p>{ "This app is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. Every automated check described below passes on every page, but automated checks cannot prove everything the standard asks, and no one has yet checked the rest by hand." }</p>

            <h3>{ "Non-accessible content" }</h3>
            <h4>{ "Non-compliance with the accessibility regulations" }</h4>
            <p>{ "We know of no failure of WCAG 2.2 AA. These parts of the standard have not been checked, so there may be failures we have not found:" }</p>
            <ul>
                <li>{ "how messages such as \u{2018}Imported\u{2019} and changes to the live results are announced by screen readers (WCAG 4.1.3 status messages)" }</li>
                <li>{ "whether text stays readable when you change its spacing with your own style settings (WCAG 1.4.12 text spacing)" }</li>
                <li>{ "whether headings, labels and button text make sense to someone who cannot see the page (WCAG 1.3.1 and 2.4.6), beyond what automated checks can tell" }</li>
            </ul>
            <h4>{ "Disproportionate burden" }</h4>
            <p>{ "We are not claiming disproportionate burden for anything." }</p>
            <h4>{ "Content that is not within the scope of the accessibility regulations" }</h4>
            <p>{ "The app has no video, audio, maps or content from anyone else. Files you download (reports, assessment files and CSV) are plain text made by the same code as the app." }</p>

            <h3>{ "What we are doing to improve accessibility" }</h3>
            <p>{ "Every change to the app is tested automatically, as described below, and a change that fails a check is not accepted. We would welcome a manual audit and testing with disabled people." }</p>

            <h3>{ "Preparation of this accessibility statement" }</h3>
            <p>{ "This statement was prepared on 2 December 2026. It was last reviewed on 2 December 2026." }</p>
            <p>{ "This app was last tested on 2 December 2026, by the project itself, with automated tests only:" }</p>
            <ul>
                <li>{ "axe-core, an automated accessibility checker, runs against WCAG 2.0, 2.1 and 2.2 levels A and AA on every page and state of the app (home, setup, quick and full rating, results, report, team, workshop, plan and progress, compare, a share link's preview, error messages, confirmations and this page), in light and dark colours" }</li>
                <li>{ "a journey completes a whole assessment, reaches the report and the team page and downloads a file with the keyboard alone, checking that focus is always visible" }</li>
                <li>{ "journeys visit every page at 320 pixels wide and at 400% zoom and check that nothing needs scrolling sideways" }</li>
            </ul>
            <p>{ "No manual audit has been done, and the app has not been tested with disabled people or with screen reader users. Automated tools find only some kinds of problems." }</p>
        </article>
    }
}
