"""The survey page: /admin/surveys/{id}, one survey's results question by question (counts
per option, skips, the typed answers' themes with masked examples), for those who may read it.
The list is a section of /admin/consultations; publishing and closing go through the API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from admin.auth.scope import Principal
from admin.dashboard import survey_view as view
from admin.dashboard.consultation_texts import ConsultationWords
from admin.dashboard.pages import not_found, render, shown_to_reader, words
from admin.dependencies import SessionDep
from services.errors import SiangError

router = APIRouter(prefix="/admin/surveys", include_in_schema=False)

SurveyId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/{survey_id}", response_class=HTMLResponse)
async def survey_page(request: Request, session: SessionDep, survey_id: SurveyId) -> Response:
    async def show(principal: Principal) -> Response:
        t = words(request)
        c = ConsultationWords(t.language)
        try:
            summary = await view.one(session, principal, survey_id, language=t.language)
        except SiangError:
            return not_found(request, principal, c("not_found"))
        context = {"principal": principal, "c": c, "summary": summary}
        return render(request, "survey.html", context)

    return await shown_to_reader(request, session, show)
