"""Each dimension reacts to the behaviour a coach would point at, with valid spans."""

from __future__ import annotations

import pytest

from trainer.engine.scoring import AnswerContext, load_scorer


@pytest.fixture(scope="module")
def scorer():
    return load_scorer()


def spans_ok(answer, result):
    capped = answer[:20_000]
    return all(capped[f.start:f.end] == f.text for f in result.findings)


CARDS = "Card readers in 46 branches were declining payments; 30 are fixed. "
"""The opening of an incident answer, for tests of how it closes."""


def fired(result, rule: str) -> bool:
    """Whether ``rule`` reported anything, credit or penalty (``has_finding`` counts
    penalties only)."""
    return any(f.rule == rule for f in result.findings)


GOOD = ("Our churn model, which picks who gets a retention offer, has gone stale: since May 2 "
        "it misclassifies 5% more customers, about $50,000 of renewals at risk each week. It's "
        "my team's model and my responsibility. I recommend we retrain it this week; it takes "
        "3 days and one engineer. I'll send you a written update by Friday at 5 pm.")


def test_a_strong_answer_scores_well_with_credits_as_evidence(scorer):
    r = scorer.score(GOOD, AnswerContext(question="What's going on?"))
    assert r.overall >= 80
    assert spans_ok(GOOD, r)
    earned = {f.text for f in r.findings if f.effect == "credit"}
    assert {"$50,000", "my responsibility", "I recommend"} <= earned
    assert not r.has_finding("ownership") and not r.has_finding("jargon")


def test_blame_and_passive_cost_ownership(scorer):
    owned = scorer.score("I didn't add a check on the pricing feed, so my model used stale "
                         "prices for two days. That's on me; I'm adding the check today.")
    blamed = scorer.score("The data team didn't tell us about the pricing feed change, and "
                          "mistakes were made in the release. It wasn't our fault.")
    rules = {f.rule for f in blamed.findings if f.effect == "penalty"}
    assert {"ownership.blame", "ownership.passive"} <= rules
    assert owned.score("ownership") > blamed.score("ownership") + 30


def test_blameless_system_language_is_not_blame(scorer):
    r = scorer.score("Our monitoring system flagged the anomaly, but the alert threshold was set "
                     "too high. The pipeline failed silently overnight; we're lowering the "
                     "threshold today.")
    assert not r.has_finding("ownership")


def test_jargon_is_found_with_typos_and_plurals_and_suggests_plain_words(scorer):
    r = scorer.score("We saw covariate shifts, so the AUC fell; we did hyperparamter tuning.")
    jargon = [f for f in r.findings if f.rule == "jargon.glossary" and f.effect == "penalty"]
    assert {f.text.lower() for f in jargon} >= {"covariate shifts", "auc",
                                                 "hyperparamter tuning"}
    assert all(f.suggestion.startswith("Say it plainly") for f in jargon)


def test_a_term_explained_in_place_is_not_penalised(scorer):
    r = scorer.score("We have feature drift, meaning customers now behave differently than when "
                     "we trained the model, so 5% more are misclassified.")
    assert not r.has_finding("jargon.glossary")
    assert any(f.rule == "jargon.glossary" and f.effect == "credit" for f in r.findings)


def test_a_new_clause_after_a_comma_does_not_explain_the_term_before_it(scorer):
    # "X stalled, the team ..." is two clauses; "X, the time it takes ..." explains X
    told = scorer.score("The ETL DAG stalled, the infra team should have caught it.")
    explained = scorer.score("Latency, the time the site takes to answer, doubled.")
    assert told.has_finding("jargon.glossary")
    assert not explained.has_finding("jargon.glossary")


def test_vague_hedges_cost_confidence_but_calibrated_odds_do_not(scorer):
    hedgy = scorer.score("I think it's maybe the pricing change, sort of. Hopefully it's fixed.")
    calibrated = scorer.score("It's about 80% likely the pricing change caused it; I'll confirm "
                              "by 3 pm. What kind of customers are hit: about 15% of renewals.")
    assert hedgy.has_finding("confidence.hedge")
    assert not calibrated.has_finding("confidence")
    assert calibrated.score("confidence") > hedgy.score("confidence")


def test_a_belief_with_a_time_to_confirm_it_is_not_a_vague_hedge(scorer):
    dated = scorer.score("I believe the loss is $40,000, and finance will confirm it by Friday.")
    open_ended = scorer.score("I believe the loss is $40,000, more or less.")
    assert not dated.has_finding("confidence.hedge")
    assert open_ended.has_finding("confidence.hedge")


@pytest.mark.parametrize("said", [
    "About 1.2 lakh customers were charged twice.",
    "We lost 40k in revenue over the weekend.",
    "Roughly half a million orders were delayed.",
    "Sales are down by a third since Monday.",
    "A fifth of the bookings failed.",
])
def test_magnitudes_said_in_other_forms_are_numbers(scorer, said):
    assert fired(scorer.score(said), "impact.quantity")


@pytest.mark.parametrize("said", [
    "We cut costs, and up to now nothing fell over.",
    "It's a third-party tool and the data came down from the vendor.",
])
def test_words_that_look_like_shares_are_not_numbers(scorer, said):
    assert not fired(scorer.score(said), "impact.quantity")


def test_vague_magnitude_without_number_costs_impact(scorer):
    vague = scorer.score("The drift has had a significant impact on a lot of customers.")
    exact = scorer.score("The drift has cost $50,000 of renewals this week, 5% of customers.")
    assert vague.has_finding("impact.vague")
    assert exact.score("impact") > vague.score("impact") + 30
    only = scorer.score("Only 2% of users saw the error, and the rest of the checkout works "
                        "very well.")
    assert not only.has_finding("impact.vague")


def test_solution_and_follow_up(scorer):
    plan = scorer.score("We rolled back to last week's model an hour ago. I recommend we "
                        "retrain on May data; it takes 3 days. I'll send an update by Friday "
                        "5 pm.")
    none = scorer.score("The model drifted because customers changed after the price change "
                        "and we had no monitoring on it.")
    undated = scorer.score("We rolled back the model. I'll keep you posted.")
    assert plan.score("solution") > none.score("solution") + 40
    assert plan.score("follow_up") == 100
    assert none.score("follow_up") < undated.score("follow_up") < plan.score("follow_up")
    assert undated.has_finding("follow_up.dated")


@pytest.mark.parametrize("promise", [
    "I'll text you at noon with a confirmed time.",
    "I'll ring you by half five today to confirm every branch is back.",
    "I'll have a one-page summary in your inbox by 8 am Thursday.",
    "You'll have the count on your desk by quarter past nine.",
])
def test_a_dated_promise_in_other_words_is_follow_up(scorer, promise):
    answer = CARDS + promise
    assert scorer.score(answer).score("follow_up") == 100


@pytest.mark.parametrize("promise", [
    "ill message you by 6pm tomorrow once the last one has cleared.",  # typed in a hurry
    "I confirm to you on Monday at 10 o'clock if the parallel run is correct.",
    "im opening the overflow yard monday and will send you the numbers thursday",
    "I'll send you the numbers Thursday.",  # a bare weekday, as said aloud
])
def test_promises_typed_in_a_hurry_or_in_learners_english(scorer, promise):
    answer = CARDS + promise
    assert scorer.score(answer).score("follow_up") == 100


@pytest.mark.parametrize("promise", [
    "We'll get the full list over to you tomorrow morning.",
    "I'll make sure you have the numbers by noon.",
    "You can expect a summary from me by Friday.",
    "I'll give you a call at 6 to confirm.",
    "I'll loop back with the cost by end of day.",
    "I'll ping you as soon as the last branch is done, by 4 at the latest.",
    "I'll write it up and send it round by Wednesday.",
])
def test_more_ways_to_promise_a_dated_update(scorer, promise):
    answer = CARDS + promise
    assert scorer.score(answer).score("follow_up") == 100


@pytest.mark.parametrize("no_promise", [
    "We'll keep an eye on it.",
    "We'll update the software tonight.",
    "I'll fix the remaining branches by 4 pm.",
    "Happy to chat whenever suits you.",
])
def test_work_or_an_open_offer_is_no_promise_to_report_back(scorer, no_promise):
    answer = CARDS + no_promise
    assert not fired(scorer.score(answer), "follow_up.commitment")


def test_on_day_one_is_not_a_time_to_report_back_by(scorer):
    result = scorer.score(CARDS
                          + "On day one I told the COO I would keep her in the loop.")
    assert result.has_finding("follow_up.dated")  # the promise has no time


def test_an_offer_of_help_is_not_a_promise_to_report_back(scorer):
    answer = (CARDS
              + "Let me know if you need anything else.")
    assert scorer.score(answer).score("follow_up") < 40


def test_containment_prevention_and_timeline_in_other_words(scorer):
    result = scorer.score("We've already switched call routing back to the old menu. The new "
                          "model returns after a test on recorded calls, which takes about ten "
                          "days. I'm also adding a daily check of misrouted calls.")
    rules = {f.rule for f in result.findings}
    assert {"solution.containment", "solution.timeline", "solution.prevention",
            "solution.action"} <= rules


def test_a_colleague_named_as_the_cause_is_blame_and_a_blameless_review_is_not(scorer):
    named = scorer.score("In the review it came out that she'd missed the expiry date. If she "
                         "had followed the runbook it wouldn't have happened.")
    blameless = scorer.score("In the review we looked at the system, not the person: the "
                             "renewal script had no test step. Those were gaps in what my team "
                             "had built, and I owned fixing them.")
    assert named.has_finding("ownership.blame")
    assert not blameless.has_finding("ownership.blame")
    assert blameless.score("ownership") > named.score("ownership")


@pytest.mark.parametrize("blame", [
    "The vendor really should have caught it before shipping.",
    "The platform team owns the scheduler, so they should explain what happened.",
    "Our supplier sent bad data and nobody on their side checked it.",
    "That's a question for the data team, not me.",
    "We were let down by our cloud provider.",
    "Marketing's decision caused the spike in complaints.",
    "The vendor's mistake led to two days of missed deliveries.",
    # an outside tester's hospital answers
    "The pump vendor sent us a bad file and the nurses should have caught it.",
    "Honestly, it's not really on us.",
    "It was the vendor, their fault.",
    "The supplier messed up.",
])
def test_blame_in_other_words(scorer, blame):
    assert scorer.score(blame).has_finding("ownership.blame")


@pytest.mark.parametrize("owned", [
    "thats on me, i approved the change without a test.",
    "its my fault, i should of checked the file.",
    "My bad: I pushed it on Friday without review.",
    "Ultimately the buck stops with me.",
    "I dropped the ball on the expiry date.",
    "This one's on my team and me.",
    "The supplier choice was mine, made to hit a cost target.",
    "I had approved the cheaper parts without asking for test data.",
])
def test_ownership_in_everyday_and_hurried_words(scorer, owned):
    assert fired(scorer.score(owned), "ownership.accountability")


@pytest.mark.parametrize("fine", [
    "That's one for the board to decide, and I recommend we approve it.",
    "The data team should explain the new schema to us; I've asked them to by Friday.",
    "My team's decision caused this, and I'm changing how we make it.",
    "Our team's mistake led to the outage; I own the fix.",
    "It wasn't their fault; the pipeline had no check.",
    "It's not on us to decide the price; the board sets it.",
    "The alerts should have caught it, and they didn't: I set the threshold too high.",
])
def test_escalating_or_asking_another_team_is_not_blame(scorer, fine):
    assert not scorer.score(fine).has_finding("ownership.blame")


def test_cancelled_orders_and_a_second_check_count_as_solution(scorer):
    result = scorer.score("We cancelled the £120,000 of orders not yet shipped. Any calendar "
                          "change now needs a second analyst's sign-off.")
    rules = {f.rule for f in result.findings}
    assert {"solution.containment", "solution.prevention"} <= rules


def test_a_term_defined_as_the_sentence_opens_is_explained(scorer):
    defined = scorer.score("DNS is the internet's address book, and we updated our entry "
                           "with a typo, so 45,000 visits failed for 30 minutes.")
    used = scorer.score("The cause is a DNS problem, so 45,000 visits failed for 30 minutes.")
    assert not [f for f in defined.findings if f.dimension == "jargon" and f.effect == "penalty"]
    assert used.has_finding("jargon")


@pytest.mark.parametrize(("said", "rule"), [
    ("We took the feature offline at 2 pm.", "solution.containment"),
    ("We put the old price list back live within the hour.", "solution.containment"),
    ("We've killed the job and nothing more is going out.", "solution.containment"),
    ("Customers are back on the old checkout since 2 pm.", "solution.containment"),
    ("I rolled the ranking back an hour ago.", "solution.containment"),
    ("It's corrected, and the auditors signed off the restated figure.", "solution.containment"),
    ("Both machines have been out of service since 6 am.", "solution.containment"),
    ("Deliveries were rerouted through the Leeds depot overnight.", "solution.containment"),
    # a standing change, said with "now" or "automatically"
    ("Every maintenance change will now be followed by a test cycle.", "solution.prevention"),
    ("Inspection notes now feed the planning system directly.", "solution.prevention"),
    ("Any job put off twice comes to me automatically.", "solution.prevention"),
])
def test_containment_and_prevention_in_other_words(scorer, said, rule):
    assert fired(scorer.score(said), rule)


@pytest.mark.parametrize(("said", "options"), [
    ("We can repair it in-house by Thursday or get the maker's engineer in by Monday.", True),
    ("We could either refund everyone now or send vouchers with the next order.", True),
    # two things seen or suspected are not two courses of action
    ("We could see errors or timeouts on the checkout page.", False),
    ("I can't tell yet whether it was the cache or the database.", False),
])
def test_two_courses_of_action_in_one_sentence_are_options(scorer, said, options):
    assert fired(scorer.score(said), "solution.options") == options


@pytest.mark.parametrize(("said", "rule"), [
    ("I wasn't told about the change until Monday.", "ownership.excuse"),
    ("That's how it's always been done here.", "ownership.excuse"),
    ("We'll see how it goes next week.", "confidence.hedge"),
    ("We’ll have to see what the auditors say.", "confidence.hedge"),
])
def test_word_list_phrases_with_an_apostrophe_are_found(scorer, said, rule):
    assert scorer.score(said).has_finding(rule)


def test_a_promise_to_handle_it_going_forward_is_no_prevention(scorer):
    vague = scorer.score("We'll sort it out and make sure it's handled properly going forward.")
    concrete = scorer.score("Going forward, every release gets a second reviewer.")
    assert not fired(vague, "solution.prevention")
    assert fired(concrete, "solution.prevention")


def test_the_time_of_what_was_done_does_not_date_a_promise(scorer):
    past = scorer.score("I switched the model off at 8 a.m. and told them I'd keep them posted.")
    dated = scorer.score(CARDS
                         + "By Friday you'll have the final cost from me.")
    assert past.has_finding("follow_up.dated")
    assert dated.score("follow_up") == 100
    for other_clause in ("On Tuesday it broke, and I'll keep you posted.",
                         "On Tuesday it broke; I'll keep you posted.",
                         "I'll keep you posted as we learn more: how many boxes reached "
                         "customers and whether tomorrow's packing line is clear.",
                         "I'll come back to you once we've run a test of 2,000 scans in ten "
                         "minutes."):
        said = scorer.score(other_clause)
        assert [f.effect for f in said.findings if f.rule == "follow_up.dated"] == ["penalty"]
    for its_own in ("By Friday, I'll send you the cost.", "Tomorrow morning I'll update you.",
                    "I'll update you once the test is done, by Friday 5 pm."):
        said = scorer.score(its_own)
        assert [f.effect for f in said.findings if f.rule == "follow_up.dated"] == ["credit"]


def test_a_practice_kept_since_counts_as_action(scorer):
    learned = scorer.score("What I learned: now I set alert thresholds from two years of "
                           "history, and we always review a model's errors weekly.",
                           AnswerContext(track="interview"))
    wished = scorer.score("What I learned: thresholds matter, and reviews of a model's errors "
                          "are useful.", AnswerContext(track="interview"))
    actions = [f.text for f in learned.findings if f.rule == "solution.action"]
    assert actions == ["now I set", "we always review"]
    assert not [f for f in wished.findings if f.rule == "solution.action"]


def test_brevity_budget_and_empty_answers(scorer):
    long = scorer.score(" ".join([GOOD] * 3))
    short = scorer.score("It's being handled.")
    assert long.has_finding("brevity.over_budget")
    assert short.has_finding("brevity.too_short")
    assert scorer.score(GOOD).score("brevity") > max(long.score("brevity"),
                                                      short.score("brevity"))
    assert long.stats["speaking_seconds"] == round(long.stats["words"] * 60 / 150)


def test_an_interview_story_is_not_asked_for_a_follow_up(scorer):
    story = ("Last year I led a migration that slipped two weeks. I told my director the "
             "day I knew, cut scope, and we shipped the core in week six. I learned to "
             "flag risk early.")
    told = scorer.score(story, AnswerContext(track="interview"))
    assert "follow_up" not in told.dimensions and "structure" in told.dimensions
    assert not [f for f in told.findings if f.dimension == "follow_up"]
    assert [c.item for c in told.checklist][-1] != "Follow-up"
    assert "follow_up" in scorer.score(story).dimensions  # the same words to a CEO
    asked = AnswerContext(track="interview", question="How did you keep people informed?",
                          focus=["follow_up"])
    assert "follow_up" in scorer.score(story, asked).dimensions


STORY = ("At an online grocer, each regional team kept its own spreadsheet of van capacity, "
         "so slot predictions were wrong a fifth of the time. I was a data engineer and my task "
         "was to get all five regions onto one feed. I visited each office and built the feed "
         "around their spreadsheets. {result}I learned that people adopt a change that solves "
         "their problem first.")


def test_a_result_is_looked_for_after_the_action(scorer):
    ctx = AnswerContext(track="interview")
    ended = scorer.score(STORY.format(result="Within three months slot errors fell from 21% "
                                             "to 6%. "), ctx)
    unended = scorer.score(STORY.format(result="I also ran two training sessions. "), ctx)
    assert ended.stats["star"]["result"]
    assert not unended.stats["star"]["result"]  # 'kept' in the situation is not the result
    assert ended.score("structure") > unended.score("structure")


def test_an_actions_own_verbs_are_not_its_result_but_a_number_in_its_sentence_is(scorer):
    ctx = AnswerContext(track="interview")
    head = ("At an airline I was the analytics lead; our dashboard was three months late. "
            "I was responsible for getting it live. ")
    no_result = scorer.score(head + "I met the vendor and cut the first version to five "
                             "numbers. I learned to fix the interface first.", ctx)
    in_one = scorer.score(head + "I rolled the release back, and complaints fell from 340 "
                          "to 40 a week. I learned to fix the interface first.", ctx)
    assert not no_result.stats["star"]["result"]  # 'cut' is what I did, not how it ended
    assert in_one.stats["star"]["result"]


def test_the_speakers_role_is_not_their_action(scorer):
    story = scorer.score("At a SaaS company I managed a support team of nine, and the backlog "
                         "had grown to 1,400 tickets. My task was to get replies under a day. "
                         "Things turned round: first replies fell to 19 hours. I learned to "
                         "look at what comes in first.", AnswerContext(track="interview"))
    assert not story.stats["star"]["action"]


def test_an_interview_question_about_keeping_people_informed_scores_follow_up(scorer):
    asked = AnswerContext(track="interview", question="Tell me about a time you kept senior "
                                                     "leaders informed during a long problem.")
    other = AnswerContext(track="interview", question="Tell me about a hard decision.")
    story = ("I told the COO she'd get a one-page update every Monday by 9 am, and I kept to "
             "that for five weeks.")
    assert scorer.score(story, asked).score("follow_up") == 100
    silent = "I chose the cheaper supplier, and it cost us a week."
    assert "follow_up" not in scorer.score(silent, other).dimensions


def test_a_story_that_tells_of_a_promise_is_judged_on_its_time(scorer):
    """Not asked about keeping people informed, a story still owes nothing; but one
    that tells of a promise to report is better with a time on it."""
    other = AnswerContext(track="interview", question="Tell me about a post-mortem you led.")
    dated = scorer.score("I told the director she'd have the action list with owners by "
                         "Thursday, and we met again on 14 March.", other)
    vague = scorer.score("I told the director I'd send her the action list once it was "
                         "finalised, and that we'd circle back at some point.", other)
    assert dated.score("follow_up") > vague.score("follow_up")


def test_structure_reports_the_missing_star_part(scorer):
    ctx = AnswerContext(track="interview", question="Tell me about a mistake you made.")
    no_learning = scorer.score(
        "At my last company I owned the churn model. I was asked to ship a new version before "
        "the quarter ended. I launched it after a one-week test. Churn rose 2% within a month, "
        "so I rolled it back and retrained it; churn returned to 8% in three weeks.", ctx)
    assert "structure" in no_learning.dimensions
    assert no_learning.stats["missing_parts"] == ["learning"]
    assert any(f.rule == "structure.learning" and f.kind == "structure"
               for f in no_learning.findings)
    assert "structure" not in scorer.score(GOOD).dimensions


def test_accuracy_checks_numbers_against_facts_and_tailoring_uses_persona(scorer):
    content = scorer.content
    scenario = content.scenarios["churn-model-drift"]
    persona = content.personas[scenario.persona]
    ctx = AnswerContext(facts=list(scenario.facts), persona=persona)
    wrong = scorer.score("The model misclassifies 15% more customers, about $50,000 of "
                         "renewals a week.", ctx)
    mismatch = [f for f in wrong.findings if f.rule == "accuracy.facts" and f.effect == "penalty"]
    assert mismatch and "you said 15%" in mismatch[0].message.lower()
    assert "5%" in mismatch[0].message
    right = scorer.score("The model misclassifies 5% more customers, about $50,000 of renewals "
                         "a week.", ctx)
    assert right.score("accuracy") > wrong.score("accuracy")
    assert right.score("tailoring") >= 70
    assert "accuracy" not in scorer.score("It broke.", ctx).dimensions
    assert "tailoring" not in scorer.score(GOOD).dimensions


@pytest.mark.parametrize("said, verdict", [
    ("That's about $200,000 a month in renewals at risk.", "credit"),  # $50,000 a week
    ("That's $2.6 million a year in renewals at risk.", "credit"),
    ("That's about $500,000 a month in renewals at risk.", "penalty"),
    ("It went unnoticed for a few weeks; we have nothing to alert on.", None),
])
def test_a_rate_in_another_period_or_a_rough_amount_is_checked_fairly(scorer, said, verdict):
    """A coach should not have to overrule a correct sum or a figure nobody claimed."""
    scenario = scorer.content.scenarios["churn-model-drift"]
    result = scorer.score(said, AnswerContext(facts=list(scenario.facts)))
    found = [f.effect for f in result.findings if f.rule == "accuracy.facts"]
    assert found == ([verdict] if verdict else [])


@pytest.mark.parametrize("said, verdict", [
    ("I have two people on it; about 11,000 customers were declined.", ["credit"]),
    ("About 1,100 customers were declined wrongly.", ["penalty"]),  # a tenfold slip
])
def test_a_count_of_something_else_is_not_held_against_a_fact(scorer, said, verdict):
    scenario = scorer.content.scenarios["fraud-false-positives"]
    result = scorer.score(said, AnswerContext(facts=list(scenario.facts)))
    assert [f.effect for f in result.findings if f.rule == "accuracy.facts"] == verdict


@pytest.mark.parametrize("scenario, said, expected", [
    # a fact in $M is money: $0.8M is $800,000
    ("stale-board-dashboard", "The dashboard showed $12.4M; we overstated revenue by $0.8M.",
     [("credit", "$12.4M"), ("credit", "$0.8M")]),
    ("stale-board-dashboard", "The dashboard showed revenue of $14M; the true figure is $10M.",
     [("penalty", "$12.4M"), ("penalty", "$11.6M")]),
    # checked against the fact it is about, not the nearest keyword of another
    ("forecast-inventory", "We hold $2.5M of excess stock.", [("penalty", "$1.8M")]),
    ("churn-model-drift", "Retraining takes 3 weeks and one engineer.", [("penalty", "3 days")]),
    ("pricing-model-error", "The wrong prices were live for 72 hours.", [("penalty", "61 hours")]),
    ("pricing-model-error", "At $120,000 a day, that's another $300,000 or so each time.",
     [("credit", "$120,000")]),
])
def test_numbers_are_checked_against_the_fact_they_are_about(scorer, scenario, said, expected):
    facts = scorer.content.scenarios[scenario]
    ctx = AnswerContext(facts=list(facts.facts), briefing=facts.briefing)
    found = [f for f in scorer.score(said, ctx).findings if f.rule == "accuracy.facts"]
    assert [f.effect for f in found] == [effect for effect, _ in expected]
    for f, (effect, figure) in zip(found, expected, strict=True):
        # a penalty names the briefing's figure; a credit is the figure the answer said
        assert figure in f.message if effect == "penalty" else f.text == figure, f.message


def test_checklist_has_the_seven_items_with_evidence(scorer):
    r = scorer.score(GOOD)
    items = [c.item for c in r.checklist]
    assert items == ["Brevity", "Ownership and accountability", "Solution-oriented",
                     "Confidence and composure", "Respect for time", "The CEO's priorities",
                     "Follow-up"]
    assert all(c.evidence for c in r.checklist)
    assert r.checklist[6].passed


def test_a_failed_checklist_item_says_why_even_without_a_fault(scorer):
    items = {c.item: c for c in scorer.score("We will look into it.").checklist}
    composure = items["Confidence and composure"]
    assert not composure.passed and "5 word(s)" in composure.evidence
    assert "no vague hedge" not in composure.evidence  # it would read as a pass
    owned = items["Ownership and accountability"]
    assert not owned.passed and "yours to fix" in owned.evidence


def test_checklist_evidence_agrees_with_its_mark(scorer):
    """A missed item does not quote a credit as if it passed; a passed one does not quote
    its fault as if it failed."""
    missed = {c.item: c for c in scorer.score(
        "The model was retrained last week. We're looking into it.").checklist}
    priorities = missed["The CEO's priorities"]
    assert not priorities.passed
    assert priorities.evidence == "only 'last week'; no business impact put in numbers"
    long_sentence = ("We lost about $40,000 in renewals since Monday because my churn model "
                     "scored loyal customers as leaving and the team sent them discounts "
                     "they did not need, which I should have caught in review. ")
    passed = {c.item: c for c in scorer.score(
        long_sentence + "I've rolled it back; update by Friday 5 pm.").checklist}
    brevity = passed["Brevity"]
    assert brevity.passed and "; to watch: " in brevity.evidence
    dated = {c.item: c for c in scorer.score(long_sentence + "I'll update you by Friday 5 pm.")
             .checklist}["Follow-up"]
    assert dated.passed and dated.evidence.startswith("'by Friday 5 pm'")  # the time it names


@pytest.mark.parametrize("answer", ["", "   ", "😀😀😀", "x" * 5000, "a\x00b\x07c\x1b[31m",
                                    "\u202e\ufeff" * 10, "$$$ %%% 100%%%",
                                    # letters IGNORECASE folds and lower() keeps
                                    "We lost three thou\u017fand orders.",
                                    "It cost 5 mill\u0131on dollars."])
def test_odd_input_gives_a_result(scorer, answer):
    r = scorer.score(answer)
    assert 0 <= r.overall <= 100
    assert spans_ok(answer, r)


def test_very_long_answer_is_capped_with_a_note(scorer):
    r = scorer.score("We lost revenue. " * 7000)
    assert r.notes and "first 20,000" in r.notes[0]
    assert spans_ok("We lost revenue. " * 7000, r)


def test_empty_answer_scores_low_overall(scorer):
    assert scorer.score("").overall < 40
    assert scorer.score(GOOD).overall > scorer.score("It's fine.").overall


def test_two_plain_words_are_short_but_not_jargon(scorer):
    # a scaled-down jargon score would set off the CEO's "in plain English?"
    result = scorer.score("Not sure.")
    assert result.score("jargon") == 100
    assert result.has_finding("confidence.hedge")
    assert result.overall < 40


def test_curly_apostrophes_read_like_straight_ones(scorer):
    curly = scorer.score("That’s on me. I’ll send you the numbers by 4 pm.")
    straight = scorer.score("That's on me. I'll send you the numbers by 4 pm.")
    assert curly.score("follow_up") == straight.score("follow_up") >= 80
    assert curly.score("ownership") == straight.score("ownership")
    assert "That’s on me" in [f.text for f in curly.findings]  # the answer as typed


def test_tips_leave_out_what_the_question_did_not_ask(scorer):
    answer = ("I posted an update in the incident channel every two hours and told our head "
              "of risk I'd call her by 6 pm each day. I kept to that all week.")
    probe = scorer.score(answer, AnswerContext(track="interview", focus=["follow_up"],
                                               question="How did you keep people informed?"))
    story = scorer.score(answer, AnswerContext(track="interview",
                                               question="Tell me about a crisis."))
    # a probe about one thing is not a whole story: no STAR+L part is asked of it
    assert "structure" not in probe.dimensions and not probe.has_finding("structure")
    assert not [f for f in probe.tips(4) if f.dimension == "structure"]
    assert [f for f in story.tips(4) if f.dimension == "structure"]


def test_a_question_for_some_star_parts_is_scored_on_those_parts(scorer):
    answer = ("I learned that a test too small to see a harm proves nothing. Since then I "
              "write down the stop criteria before every launch.")
    asked = AnswerContext(track="interview", focus=["solution", "structure"],
                          parts=["action", "learning"],
                          question="What would you change, and what have you put in place?")
    result = scorer.score(answer, asked)
    assert result.dimensions["structure"].score == 100
    assert result.stats["missing_parts"] == []
    whole = scorer.score(answer, AnswerContext(track="interview", question=asked.question))
    assert "situation" in whole.stats["missing_parts"]


def test_a_safeguard_named_twice_earns_once(scorer):
    twice = scorer.score("We held a post-mortem on Monday. The post-mortem notes went to "
                         "everyone, and I'll send you the summary by Friday.")
    prevention = [f for f in twice.findings if f.rule == "solution.prevention"]
    assert [f.text for f in prevention] == ["post-mortem", "post-mortem"]
    assert [f.points for f in prevention] == [15, 0]
    two_safeguards = scorer.score("We held a post-mortem on Monday, and we added alert "
                                  "thresholds. I'll send you the summary by Friday.")
    assert two_safeguards.score("solution") > twice.score("solution")


def test_running_or_redoing_something_is_an_action(scorer):
    said = scorer.score("I ran the review within 48 hours, and I re-ranked the repair list "
                        "so safety jobs come first.", AnswerContext(track="interview"))
    assert [f.text for f in said.findings if f.rule == "solution.action"] == [
        "I ran", "I re-ranked"]


def test_figures_given_to_a_question_that_asks_only_for_figures_owe_no_i_or_we(scorer):
    figures = ("About 11,000 customers over 36 hours, and $640,000 of blocked orders, of "
               "which roughly half came back later. Support tickets tripled, and a consumer "
               "news site picked up two complaints.")
    for question in ("How many customers, and what does that cost us?", "How bad is it?"):
        assert not scorer.score(figures, AnswerContext(question=question)).has_finding(
            "ownership.first_person")
    for question in ("What caused this?",
                     "How many customers, and what are you doing about it?"):
        assert scorer.score(figures, AnswerContext(question=question)).has_finding(
            "ownership.first_person")


@pytest.mark.parametrize("said, rule", [
    ("Zero chance, I'm 100% confident, end of story.", "confidence.overclaim"),
    ("I can guarantee this won't happen again; there is nothing to worry about.",
     "confidence.overclaim"),
    ("We have a robust remediation plan in place and my team is actioning it.",
     "solution.empty_plan"),
    ("We are doing the needful and will take necessary action at the earliest.",
     "solution.empty_plan"),
    ("I focused the team on the highest-impact work and kept stakeholders aligned.",
     "solution.empty_plan"),
    # blind set 6: subtle pairs
    ("Priya in my ops team is cancelling the duplicate orders today.", "solution.action"),
    ("By month-end, Tom in finance and I will renegotiate the contract.", "solution.action"),
    ("Sam will have the map refreshed from the network records every night.",
     "solution.prevention"),
    ("It goes live by the 14th.", "solution.timeline"),
    ("I'm fairly sure, though I wouldn't want to commit to it yet.", "confidence.hedge"),
    ("Given the timeline we were handed, the parallel run was cut short.", "ownership.excuse"),
    ("The re-audit is a formality; errors simply can't get through now.",
     "confidence.overclaim"),
    ("Full timeline to you by 3 pm.", "follow_up.commitment"),
    ("ill msg u by 4 with both numbers", "follow_up.dated"),
    ("I will revert back to you by 11 am with the final cost.", "follow_up.dated"),
    ("The cause is a certificate that I did not renew in time.", "ownership.accountability"),
    ("Today my team starts re-crediting the 52,000 members.", "solution.action"),
    ("The job now stops if totals differ by 1%, so it can't fail silently again.",
     "solution.prevention"),
])
def test_blind_set_5_wordings(scorer, said, rule):
    result = scorer.score(said)
    if rule == "follow_up.dated":  # it also reports a promise without a time
        assert [f.effect for f in result.findings if f.rule == rule] == ["credit"]
    assert fired(result, rule)


@pytest.mark.parametrize("said, rule", [
    ("We can't guarantee it won't happen again, but the alert makes it unlikely.",
     "confidence.overclaim"),
    ("I'm 80% confident the fix holds; I'll confirm by Friday.", "confidence.overclaim"),
    ("Deliveries are delayed until Friday at the earliest.", "solution.empty_plan"),
    ("I kept stakeholders aligned with a one-page note every Friday.", "solution.empty_plan"),
    ("I will revert back to you by 11 am with the final cost.", "solution.containment"),
    ("Black Friday is forecast at five times normal traffic.", "solution.action"),
    ("We'll look at the supplier contract.", "solution.action"),
    ("I'll update you by Friday 5 pm.", "solution.action"),  # a report back, not a fix
])
def test_blind_set_5_wordings_that_must_not_fire(scorer, said, rule):
    assert not fired(scorer.score(said), rule)


@pytest.mark.parametrize("said, rule", [
    ("That was my misjudgement, and I've changed how we plan.", "ownership.accountability"),
    ("The go-live date the executive team had set left no room for a pilot.",
     "ownership.excuse"),
    ("As head of planning for a district of 41 schools, I signed off the forecast.",
     "structure.situation"),
    ("I led the rollout of a rostering app for 1,100 nurses. It failed in week one.",
     "structure.situation"),
    ("Fixed in a week. What I took from it: test on real records.", "structure.learning"),
])
def test_blind_set_6_story_wordings(scorer, said, rule):
    ctx = AnswerContext(track="interview", question="Tell me about a decision you'd take back.")
    assert fired(scorer.score(said, ctx), rule)


# Wordings found in outside sets (blind sets 6 and 7, a candidate's test): each must fire.
@pytest.mark.parametrize("said, rule", [
    ("A mapping error left thousands of applications marked incomplete.", "impact.vague"),
    ("Subscriptions rose far less than planned.", "impact.vague"),
    ("Everyone pitched in wherever they were needed.", "solution.empty_plan"),
    ("The scanners will now hold that check themselves.", "solution.prevention"),
    ("It was the data science team's fault.", "ownership.blame"),
    ("The failure was mostly down to the data science team.", "ownership.blame"),
    ("The merchandising team never shared the calendar with us.", "ownership.blame"),
    ("Honestly the data team just messed up.", "ownership.blame"),
    ("It was their job to test it, not mine.", "ownership.blame"),
    ("My manager pushed us to launch early.", "ownership.blame"),
    ("That was on the vendor.", "ownership.blame"),
    ("I placed the order, although to be fair the forecast I was given was 40% high.",
     "ownership.excuse"),
    ("That's what buyers are told to plan against.", "ownership.excuse"),
    ("Small suppliers are not reliable enough, and they must have better backup plans.",
     "ownership.blame"),
    ("My team's day-ahead nomination ran 6% short, so we paid imbalance charges.",
     "jargon.glossary"),
    ("I paused dynamic pricing on 400 products that day.", "solution.containment"),
    ("Since then I write down the stop criteria before every launch.", "solution.prevention"),
    ("Launches now ramp from 5% to 25% with automatic rollback.", "solution.prevention"),
    ("The portal update I signed off on broke uploads.", "ownership.accountability"),
    ("Large files weren't in the test plan I approved.", "ownership.accountability"),
    ("We fixed it at 4 pm.", "solution.containment"),
    ("It came from a platform change we weren't consulted on.", "ownership.excuse"),
    ("With better cross-team communication this would have been avoided.", "ownership.excuse"),
    ("There was no doubt in my mind it was the model, exactly as I'd said.",
     "confidence.overclaim"),
    ("It won't recur, I can guarantee that 100%.", "confidence.overclaim"),
    ("Each action gets one owner and a due date.", "solution.prevention"),
    ("Unlikely once the guard is in: it would have stopped this.", "solution.prevention"),
    ("I'll send you an update today.", "follow_up.dated"),
    ("Next update: Thursday 5 pm.", "follow_up.dated"),
])
def test_wordings_from_outside_sets_fire(scorer, said, rule):
    found = [f.effect for f in scorer.score(said).findings if f.rule == rule]
    # the dated rule also reports a promise without a time: it must credit one here
    assert "credit" in found if rule == "follow_up.dated" else found


@pytest.mark.parametrize("said, rule", [
    ("My error rate estimate was off by 2%.", "ownership.accountability"),
    ("I'll call you once we've run a test of 2,000 scans.", "solution.action"),
    ("By Tuesday noon I'll share the recovered conversion.", "solution.action"),
    ("We had no monitoring on it.", "solution.prevention"),
    ("Nobody was alerted because the alerting config was wrong.", "solution.prevention"),
    ("They changed the prices without telling us.", "ownership.first_person"),
    ("I can't promise zero risk, but the new check makes it unlikely.", "confidence.overclaim"),
    ("I can't promise zero risk, but the new check makes it unlikely.", "confidence.hedge"),
    ("A mapping error left 4,100 applications marked incomplete.", "impact.vague"),
    ("The deadline is Friday, which leaves us room for a pilot.", "ownership.excuse"),
])
def test_blind_set_6_wordings_that_must_not_fire(scorer, said, rule):
    assert not fired(scorer.score(said), rule)


@pytest.mark.parametrize("said", [
    "Thanks to the data team's quick work, we found three rounding rules.",
    "Thanks to the engineering team, we were back up in an hour.",
    "The support team never got a single complaint after the fix.",
])
def test_crediting_a_team_is_not_blame(scorer, said):
    assert not fired(scorer.score(said), "ownership.blame")


@pytest.mark.parametrize("said, rule", [
    ("There was a lot of pressure from the board.", "impact.vague"),
    ("It taught me a lot about launches.", "impact.vague"),
    ("We worried about what would happen if we missed the date.",
     "ownership.accountability"),
    ("I led a team of four analysts at a bank.", "solution.timeline"),
])
def test_candidate_test_wordings_that_must_not_fire(scorer, said, rule):
    assert not fired(scorer.score(said), rule)


def test_updates_already_sent_answer_how_people_were_kept_informed(scorer):
    ask = AnswerContext(track="interview", focus=["follow_up"],
                        question="How did you keep people informed?")
    sent = scorer.score("I sent the CFO a one-page update every Friday with three numbers.",
                        ask)
    assert sent.dimensions["follow_up"].score >= 70
    assert fired(sent, "follow_up.dated")
    vague = scorer.score("I made sure everyone knew what was going on.", ask)
    assert vague.dimensions["follow_up"].score < sent.dimensions["follow_up"].score
    assert fired(scorer.score("A forecast I didn't challenge was 40% high."),
                 "ownership.accountability")


def test_a_plan_with_a_time_on_each_step_beats_one_with_none(scorer):
    timed = ("Today Priya is cancelling the duplicate orders. By Wednesday I'm putting a block "
             "on repeated orders, and by month-end I will renegotiate the contract.")
    untimed = ("We're cancelling the duplicate orders. We're putting a block on repeated "
               "orders, and we'll look at the contract.")
    ask = AnswerContext(question="What are you doing about it?")
    assert (scorer.score(timed, ask).dimensions["solution"].score
            > scorer.score(untimed, ask).dimensions["solution"].score)


def test_a_signpost_opening_is_not_judged_as_the_bottom_line(scorer):
    plan = ("Three things. Today my team re-credits the 52,000 members whose flights earned "
            "no points, which finishes Thursday. On Friday each gets an email with the new "
            "balance, and from next month the job checks its own totals.")
    assert not scorer.score(plan).has_finding("brevity.bottom_line")
    assert scorer.score("Some background first. " + plan.split(". ", 1)[1]).has_finding(
        "brevity.bottom_line")


def test_how_long_it_went_wrong_is_not_a_plans_timeline(scorer):
    def timeline(said):
        return [f.text for f in scorer.score(said).findings if f.rule == "solution.timeline"]
    assert timeline("The pumps ran at half dose for 4 days.") == []
    assert timeline("We need two engineers for two weeks.") == [
        "need two engineers for two weeks"]


def test_a_first_sentence_that_is_the_plan_is_the_bottom_line(scorer):
    plan = ("We're pulling the new drug library off every pump today, and pharmacy checks "
            "each heparin order by hand until it's fixed. By Friday the library goes back "
            "with a second pharmacist signing off every change; I'll confirm when it's done.")
    ctx = AnswerContext(question="What are you doing about it?")
    assert not scorer.score(plan, ctx).has_finding("brevity.bottom_line")


def test_a_time_that_opens_the_answer_to_when_dates_the_promise(scorer):
    ask = AnswerContext(question="When will I hear from you next?")
    timed = scorer.score("Friday at noon, whatever the supplier says. If they confirm the "
                         "date before then, I'll message you that day.", ask)
    assert [f.effect for f in timed.findings if f.rule == "follow_up.dated"] == ["credit"]
    assert not fired(timed, "brevity.bottom_line") and not fired(timed, "follow_up.missing")
    untimed = scorer.score("As soon as the supplier confirms the delivery date, I'll message "
                           "you with the new schedule and what it means for the order.", ask)
    assert [f.effect for f in untimed.findings if f.rule == "follow_up.dated"] == ["penalty"]
    assert timed.dimensions["follow_up"].score > untimed.dimensions["follow_up"].score


def test_a_sentence_twice_the_limit_costs_twice_as_much(scorer):
    clause = "we looked at three vendors over four months with a lot of internal debate"
    long = scorer.score(f"Some background, because it was a long process: {clause}, and "
                        f"{clause}, and then {clause}, and finally {clause}.")
    short = scorer.score(f"Some background: {clause}, and {clause}, and {clause}.")
    def cost(result):
        return sum(f.points for f in result.findings if f.rule == "brevity.long_sentence")
    assert cost(long) > cost(short) > 0


@pytest.mark.parametrize("said", [
    "To cut mileage before peak season, I switched all seven depots at once.",
    "The old planner was built by a developer who had since left.",
])
def test_a_purpose_or_an_aside_is_not_the_result(scorer, said):
    ctx = AnswerContext(track="interview", question="Tell me about a decision that went wrong.")
    result = scorer.score(said, ctx)
    assert not [f for f in result.findings if f.rule == "structure.result" and f.points]


def test_we_paused_to_think_contains_nothing(scorer):
    assert not fired(scorer.score("We paused to think about it for a day."),
                     "solution.containment")


def test_the_role_an_answer_opens_with_is_the_task(scorer):
    ctx = AnswerContext(track="interview", question="Tell me about a decision that went wrong.")
    result = scorer.score("I ran the system that spends our clients' advertising budgets at an "
                          "agency. Before Black Friday I switched on a new feature.", ctx)
    assert "task" not in result.stats["missing_parts"]


def test_the_opening_role_is_not_the_action_and_the_trouble_is_not_the_result(scorer):
    ctx = AnswerContext(track="interview", question="Tell me about a decision that went wrong.")
    result = scorer.score("I led pricing analytics at a grocery delivery company. Margin fell "
                          "6% in week one because promotions clashed. I paused it on 400 items "
                          "that day. Next time I would pilot through a promotion first.", ctx)
    [action] = [f for f in result.findings if f.rule == "structure.action" and f.points]
    assert action.text == "I paused"
    assert "result" in result.stats["missing_parts"]  # how it ended is never said


@pytest.mark.parametrize("said, rule", [
    ("What I learned is that communication is key.", "structure.platitude"),
    ("Since then the matching has run smoothly.", "structure.learning"),
    ("Rematched students' lesson ratings were back to 4.6 out of 5.", "structure.learning"),
])
def test_a_lesson_anyone_could_draw_is_not_the_learning(scorer, said, rule):
    ctx = AnswerContext(track="interview", question="Tell me about a decision that went wrong.")
    found = [f for f in scorer.score(said, ctx).findings if f.rule == rule]
    if rule == "structure.platitude":
        assert found and found[0].effect == "penalty"
    else:
        assert not [f for f in found if f.effect == "credit"]


def test_a_pasted_page_is_quoted_short_in_evidence_and_messages(scorer):
    result = scorer.score("We rolled back. " + "The system had a problem and we looked at it "
                          "for a long time. " * 450)
    assert result.notes and "only the first 20,000" in result.notes[0]
    assert max(len(c.evidence) for c in result.checklist) < 200
    assert max(len(f.message) for f in result.findings) < 200


@pytest.mark.parametrize("plan", [
    # typed fast, the night before
    "recomend we build the guard, 3 days work, starting tomorow. until then i'll reveiw "
    "every price update myself",
    # pasted as bullets
    "\u2022 Today: cancel the two reseller orders \u2022 By Thursday: a guard on every price "
    "update \u2022 Until then: I approve every price update myself",
])
def test_a_plan_typed_fast_or_pasted_as_bullets_is_a_plan(scorer, plan):
    ask = AnswerContext(question="What are you doing about it?")
    assert scorer.score(plan, ask).dimensions["solution"].score >= 60
