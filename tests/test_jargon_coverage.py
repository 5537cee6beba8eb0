"""The jargon glossary covers engineering vocabulary beyond ML, and spares everyday English.

Caught: terms engineers outside the data science team use with a CEO (streaming,
warehousing, infrastructure, delivery, security, mobile, analytics). Spared: the
everyday senses of words those terms are built from ('rebalance the portfolio',
'a consumer group complained', 'a gentle prod'), which a CEO says too.
"""

from __future__ import annotations

import pytest

from trainer.engine.scoring import AnswerContext, load_scorer


@pytest.fixture(scope="module")
def scorer():
    return load_scorer()


def jargon(scorer, sentence: str) -> list[str]:
    result = scorer.score(sentence, AnswerContext())
    return [f.text.lower() for f in result.findings
            if f.dimension == "jargon" and f.effect == "penalty"]


CAUGHT = [
    ("Consumer lag on the orders topic is about 40 minutes.", "consumer lag"),
    ("The consumer group lost its partitions in a rebalance.", "consumer group"),
    ("The consumer group lost its partitions in a rebalance.", "rebalance"),
    ("The worker is now single-threaded, so the queue keeps growing.", "single-threaded"),
    ("We're scaling out the consumers and expect the lag to drain by 6 pm.", "scaling out"),
    ("Three dbt models produced a cartesian join on the fact table.", "dbt models"),
    ("Three dbt models produced a cartesian join on the fact table.", "cartesian join"),
    ("The query read the whole unpartitioned table.", "unpartitioned"),
    ("The nightly DAG failed, so the Looker explores showed stale numbers.", "looker explores"),
    ("Someone dropped the join predicate, so we hit the query timeout.", "join predicate"),
    ("Someone dropped the join predicate, so we hit the query timeout.", "query timeout"),
    ("Snowflake spend doubled last month.", "snowflake spend"),
    ("We ran full refreshes instead of incremental loads.", "full refreshes"),
    ("We ran full refreshes instead of incremental loads.", "incremental loads"),
    ("We added clustering keys and set auto-suspend.", "clustering keys"),
    ("We added clustering keys and set auto-suspend.", "auto-suspend"),
    ("We right-sized the compute clusters in Snowflake.", "right-sized"),
    ("We added resource monitors and query tagging.", "resource monitors"),
    ("The p95 latency tripled.", "p95"),
    ("The pods crashed on two nodes of the Kubernetes cluster.", "pods"),
    ("The autoscaler was too slow behind the load balancer.", "autoscaler"),
    ("A DNS change and an expired TLS certificate broke checkout.", "tls certificate"),
    ("The connection pool ran dry during the sale.", "connection pool"),
    ("We did a blue-green deployment and a down migration.", "blue-green deployment"),
    ("A retry storm became a thundering herd.", "thundering herd"),
    ("The circuit breaker on the payments API opened after repeated timeouts.",
     "circuit breaker"),
    ("It passed unit tests in the staging environment but broke in prod.", "unit tests"),
    ("It passed unit tests in the staging environment but broke in prod.", "in prod"),
    ("We'll pay down the tech debt during the code freeze.", "code freeze"),
    ("The CVE allowed privilege escalation through an IAM role.", "privilege escalation"),
    ("We revoked the OAuth tokens and did API key rotation.", "api key rotation"),
    ("The ANR rate doubled after the update.", "anr rate"),
    ("The tag manager stripped our UTM parameters.", "utm parameters"),
    ("We backtested it and checked the confusion matrix.", "backtested"),
    ("Input tokens per call tripled.", "input tokens"),
    # operations outside software
    ("Two of our aircraft went AOG in Lisbon overnight.", "aog"),
    ("Demurrage charges doubled while the containers sat in the yard.", "demurrage charges"),
    ("Average dwell time rose from three days to six.", "dwell time"),
    ("the teu count at the quay fell by a fifth", "teu"),
    ("The litho step drifted for two days before anyone saw it.", "litho step"),
    ("We raised a CAPA after the second failed batch.", "capa"),
    ("The SCADA link to the substation dropped for an hour.", "scada"),
    ("Forty RFIs are still open with the architect.", "rfis"),
    ("The tailings dam inspection found seepage on the east wall.", "tailings dam"),
    ("Subrogation recoveries fell by a third this year.", "subrogation recoveries"),
    ("The cold chain broke at the depot for six hours.", "cold chain"),
    ("Handle time went up after the new IVR menu launched.", "ivr menu"),
]


@pytest.mark.parametrize("sentence, term", CAUGHT, ids=[t for _, t in CAUGHT])
def test_engineering_terms_are_caught(scorer, sentence: str, term: str):
    assert term in jargon(scorer, sentence)


EVERYDAY = [
    "We will rebalance the portfolio toward the regions that are growing.",
    "A consumer group complained to the regulator about our renewal letters.",
    "Consumer law changed in March, so our refund terms had to change too.",
    "We plan to scale out the programme to all stores next quarter.",
    "For instance, we are scaling out the loyalty scheme to Spain.",
    "Each product area has a single-threaded leader who owns the decision.",
    "She gave the team a gentle prod and they shipped the fix on Friday.",
    "I had to prod the vendor twice before they replied.",
    "We had zero days of downtime last quarter.",
    "The circuit breaker tripped in the server room and the lights went out.",
    "The support pods each own one region.",
    "Pallets wait in the staging area before they are loaded onto trucks.",
    "Every customer is a snowflake, and each wants a custom contract.",
    "We need to right-size the team after the reorganisation.",
    "We right-sized the warehouses in the north after the retail slowdown.",
    "Our primary key accounts renewed this month.",
    "I'll join key customers on the call tomorrow.",
    "Our tax manager found the error in the invoices.",
    "I'll give you a rolling update every hour until it's fixed.",
    "The main branch in Leeds will close early on Friday.",
    "We saw strong consistency in weekly sales across all stores.",
    "We ran out of samples at the trade show on day two.",
    "We log losses every week and review them with finance.",
    "We cross-validated the figures with finance before the board meeting.",
    "We need to build pipeline for next quarter's sales targets.",
    "The service accounts team handles our top fifty clients.",
    "Containerized freight costs rose 12% this quarter.",
    "I approved a certificate change on our payment gateway.",
    "It was a perfect flow of customers all day.",
    "The old system is a monolith of paperwork and approvals.",
    "We need to partition the market into three segments.",
    "The topic for Monday's meeting is the pricing change.",
    "EMEA revenue grew 4% and GMV was flat.",
    "Our analysts float between projects as demand changes.",
    "The dock workers asked for a meeting about the new shifts.",
    "We opened a second yard for the trucks in Leeds.",
    "The permit office is on the critical path for the new store.",
    "A cold snap closed two of our stores for a day.",
    "The steep grade of the access road slows the trucks down.",
    "Our call centre answered 9,000 calls on Monday.",
]


@pytest.mark.parametrize("sentence", EVERYDAY)
def test_everyday_english_is_not_jargon(scorer, sentence: str):
    assert jargon(scorer, sentence) == []
