"""Train the category head to know two conventions: Traffy's tickets and citizens' chat.

Traffy Fondue's tickets and the civic corpus label some of the same topics differently (a dark
"dangerous" soi is public safety to Traffy, street lighting to the corpus; a rubbish pile by a
road is a road to Traffy). One set of weights pulled both ways serves neither well. So the head is
trained with the features doubled for ticket-written texts (Daumé III, "Frustratingly easy domain
adaptation", 2007): every text has the shared copy, and the texts of ``traffy_type.csv`` a
second copy, so what all texts agree on is learnt once in the shared weights and what only
Traffy's convention says goes into a correction (``category_tickets``). (Counting the ticket
and volunteer files as tickets too read Traffy's 13 classes worse, 0.949 against 0.956; counting
only ``traffy_type.csv`` first filed a short broken "dangerous" sidewalk under public safety
again, until the civic train half had short ticket-like messages of that kind, batch t16:
docs/nlp.md.) A small logistic regression over the same
n-grams (``ticket_style``) says how much a message reads like a Traffy ticket; the served scores
are the shared ones plus that share of the correction (``nlp.categories.CategoryClassifier``).
Still one linear map per message, three heads in one bundle. Chosen by cross-validation on Traffy
DEV and the civic train half (``python -m nlp.evaluation.category_tradeoffs``; docs/nlp.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import diags, hstack
from sklearn.linear_model import LogisticRegression

from nlp.training.datasets import (
    CIVIC,
    TRAFFY_TYPE,
    LabelledText,
)
from nlp.training.features import Analysers, FeatureSpec, TextFeaturiser
from nlp.training.heads import (
    CATEGORY_C,
    CATEGORY_NB_ALPHA,
    DEFAULT_FEATURES,
    TrainedHead,
    _label_matrix,
    calibrated_one_vs_rest,
    category_details,
    sigmoid_head,
    source_weights_of,
)

CATEGORY_HEAD = "category"
CORRECTION_HEAD = "category_tickets"
STYLE_HEAD = "ticket_style"
STYLE_LABEL = "traffy_ticket"


@dataclass(frozen=True, slots=True)
class TicketStyle:
    """Which texts are Traffy tickets (the three Traffy files), which are citizens' chat (the civic
    train half; the style head learns to tell them apart), and how cheap the correction is
    against the shared weights: the second copy of the features is multiplied by ``scale``, so
    the SVM's penalty on a correction weight is ``1 / scale**2`` of that on a shared one."""

    tickets: frozenset[str] = frozenset({TRAFFY_TYPE})
    chat: frozenset[str] = frozenset({CIVIC})
    # 2.0 since session 19: with the civic train half grown to 10,500 messages, Traffy's 13-class
    # macro-F1 (5-fold CV, as `siang nlp eval` scores it) was 0.9497 at 1.0, 0.9510 at 1.5,
    # 0.9523 at 2.0 and 0.9516 at 3.0; the civic train half's folds read the same (macro-F1
    # 0.8981 at 1.0, 0.8985 at 2.0; `python -m nlp.evaluation.category_tradeoffs --style-scale`)
    scale: float = 2.0
    style_c: float = 10.0


TICKET_STYLE = TicketStyle()


def train_category_heads(
    items: Sequence[LabelledText],
    labels: Sequence[str],
    *,
    source_weights: dict[str, float] | None = None,
    style: TicketStyle | None = TICKET_STYLE,
    spec: FeatureSpec = DEFAULT_FEATURES,
    c: float = CATEGORY_C,
    nb_alpha: float | None = CATEGORY_NB_ALPHA,
    calibrate: bool = True,
    analysers: Analysers | None = None,
) -> list[TrainedHead]:
    """The category head, and with ``style`` (when the texts hold both tickets and chat) its
    ticket correction and the ticket-style head. The Platt scale is fitted on the scores as
    served to each held-out text: the correction counts fully for a ticket, not for chat."""
    y = _label_matrix(items, labels)
    weights = source_weights_of(items, source_weights)
    featuriser = TextFeaturiser(spec, analysers)
    x = featuriser.fit_transform([item.text for item in items])
    sources = np.array([item.source for item in items])
    is_ticket = np.isin(sources, sorted(style.tickets)) if style else np.zeros(len(items), bool)
    is_chat = np.isin(sources, sorted(style.chat)) if style else np.zeros(len(items), bool)
    if style is None or not is_ticket.any() or not is_chat.any():
        fitted = calibrated_one_vs_rest(x, y, weights, c, nb_alpha, calibrate=calibrate)
        details = category_details(y, featuriser, c, nb_alpha, fitted, labels)
        return [sigmoid_head(CATEGORY_HEAD, labels, featuriser, fitted, details)]
    features = x.shape[1]
    doubled = hstack([x, diags(is_ticket * np.float32(style.scale)) @ x]).tocsr()
    coefficients, intercepts, scale, shift = calibrated_one_vs_rest(
        doubled, y, weights, c, nb_alpha, calibrate=calibrate
    )
    shared = (coefficients[:features], intercepts, scale, shift)
    details = category_details(y, featuriser, c, nb_alpha, shared, labels)
    details["ticket_style"] = {
        "tickets": sorted(style.tickets),
        "chat": sorted(style.chat),
        "correction_scale": style.scale,
        "style_C": style.style_c,
        "ticket_rows": int(is_ticket.sum()),
        "chat_rows": int(is_chat.sum()),
    }
    # the correction has no bias of its own: the shared intercepts (with the Platt shift) hold it
    correction = (coefficients[features:] * style.scale, np.zeros(len(labels)), scale, 0.0)
    known = is_ticket | is_chat
    reader = LogisticRegression(C=style.style_c, max_iter=2000)
    reader.fit(x[known], is_ticket[known].astype(np.int8))
    return [
        sigmoid_head(CATEGORY_HEAD, labels, featuriser, shared, details),
        sigmoid_head(
            CORRECTION_HEAD,
            labels,
            featuriser,
            correction,
            {"model": "Traffy tickets' correction to the category head", "rows": len(items)},
        ),
        sigmoid_head(
            STYLE_HEAD,
            [STYLE_LABEL],
            featuriser,
            (reader.coef_.T.astype(np.float32), reader.intercept_.astype(np.float32), 1.0, 0.0),
            {
                "model": "logistic regression: Traffy ticket (1) or citizens' chat (0)",
                "C": style.style_c,
                "rows": int(known.sum()),
            },
        ),
    ]
