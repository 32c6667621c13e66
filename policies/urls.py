from django.urls import include, path, register_converter

from policies import council_views, exports, hearing_views, meeting_views, municipality_views, views

app_name = "policies"


class DirectionConverter:
    """"op" (up) or "ned" (down): the two ways an action moves in its list."""

    regex = "op|ned"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DirectionConverter, "direction")

# Everything under one plan: /politik/<policy>/planer/<administration>/…
plan_patterns = [
    path("", views.PlanDetailView.as_view(), name="plan_detail"),
    path("plan.xlsx", views.PlanExportView.as_view(export=exports.plan_xlsx_response), name="plan_export_xlsx"),
    path("plan.csv", views.PlanExportView.as_view(export=exports.plan_csv_response), name="plan_export_csv"),
    path("start/", views.plan_start, name="plan_start"),
    path("rediger/", views.PlanEditView.as_view(), name="plan_edit"),
    path("rediger/oplysninger/", views.PlanUpdateView.as_view(), name="plan_update"),
    path("rediger/punkt/<int:number>/ny-indsats/", views.ActionCreateView.as_view(), name="action_create"),
    path("rediger/indsats/<int:pk>/", views.ActionUpdateView.as_view(), name="action_update"),
    path("rediger/indsats/<int:pk>/fjern/", views.ActionDeleteView.as_view(), name="action_delete"),
    path("rediger/indsats/<int:pk>/flyt-<direction:direction>/", views.action_move, name="action_move"),
    path("rediger/punkt/<int:number>/ikke-relevant/", views.ExemptionCreateView.as_view(), name="exemption_create"),
    path("rediger/ikke-relevant/<int:pk>/", views.ExemptionUpdateView.as_view(), name="exemption_update"),
    path("rediger/ikke-relevant/<int:pk>/fortryd/", views.exemption_delete, name="exemption_delete"),
    path("indsend/", views.plan_submit, name="plan_submit"),
    path("behandling/", views.PlanReviewView.as_view(), name="plan_review"),
    path("behandling/vedtag/", views.plan_adopt, name="plan_adopt"),
    path("behandling/send-tilbage/", views.plan_return, name="plan_return"),
    path("historik/", views.PlanHistoryView.as_view(), name="plan_history"),
    path("opfoelgning/ny/", views.FollowUpCreateView.as_view(), name="follow_up_create"),
    path("opfoelgning/<int:pk>/", views.FollowUpUpdateView.as_view(), name="follow_up_update"),
]

# Hearings: /politik/hoeringer/…
hearing_patterns = [
    path("", hearing_views.HearingListView.as_view(), name="hearing_list"),
    path("mine/", hearing_views.MyHearingsView.as_view(), name="my_hearings"),
    path("nye.atom", hearing_views.HearingAtomFeed(), name="hearing_feed"),
    path("frister.ics", hearing_views.hearing_calendar, name="hearing_calendar"),
    path("abonner/", hearing_views.HearingSubscribeView.as_view(), name="hearing_subscribe"),
    path("abonner/bekraeft/<str:token>/", hearing_views.hearing_subscription_confirm, name="hearing_subscription_confirm"),
    path("abonner/afmeld/<str:token>/", hearing_views.hearing_unsubscribe, name="hearing_unsubscribe"),
    path("ny/<slug:administration>/", hearing_views.HearingCreateView.as_view(), name="hearing_create"),
    path("<int:pk>/", hearing_views.HearingDetailView.as_view(), name="hearing_detail"),
    path("<int:pk>/dokumenter/<int:document>/", hearing_views.hearing_document, name="hearing_document"),
    path("<int:pk>/svar/", hearing_views.HearingRespondView.as_view(), name="hearing_respond"),
    path("<int:pk>/rediger/", hearing_views.HearingUpdateView.as_view(), name="hearing_update"),
    path("<int:pk>/aabn/", hearing_views.hearing_open, name="hearing_open"),
    path("<int:pk>/forlaeng/", hearing_views.HearingExtendView.as_view(), name="hearing_extend"),
    path("<int:pk>/luk/", hearing_views.hearing_close, name="hearing_close"),
    path("<int:pk>/hoeringsnotat/", hearing_views.HearingNoteView.as_view(), name="hearing_note"),
]

# Meetings and conferences: /politik/moeder/…
meeting_patterns = [
    path("", meeting_views.MeetingListView.as_view(), name="meeting_list"),
    path("kalender.ics", meeting_views.meeting_calendar, name="meeting_calendar"),
    path("ny/", meeting_views.MeetingCreateView.as_view(), name="meeting_create"),
    path("tilmelding/bekraeft/<str:token>/", meeting_views.signup_confirm, name="meeting_signup_confirm"),
    path("tilmelding/afmeld/<str:token>/", meeting_views.signup_cancel_by_link, name="meeting_signup_cancel"),
    path("<int:pk>/", meeting_views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("<int:pk>/moede.ics", meeting_views.meeting_ical, name="meeting_ical"),
    path("<int:pk>/dokumenter/<int:document>/", meeting_views.meeting_document, name="meeting_document"),
    path("<int:pk>/dokumenter/<int:document>/fjern/", meeting_views.document_remove, name="meeting_document_remove"),
    path("<int:pk>/tilmeld/", meeting_views.CitizenSignupView.as_view(), name="meeting_signup_citizen"),
    path("<int:pk>/tilmeld/forening/", meeting_views.OrganisationSignupView.as_view(), name="meeting_signup_organisation"),
    path(
        "<int:pk>/tilmeldinger/<int:signup>/afmeld/",
        meeting_views.organisation_signup_cancel,
        name="meeting_signup_organisation_cancel",
    ),
    path("<int:pk>/tilmeldinger/", meeting_views.SignupListView.as_view(), name="meeting_signups"),
    path("<int:pk>/rediger/", meeting_views.MeetingUpdateView.as_view(), name="meeting_update"),
    path("<int:pk>/offentliggoer/", meeting_views.meeting_publish, name="meeting_publish"),
    path("<int:pk>/aflys/", meeting_views.MeetingCancelView.as_view(), name="meeting_cancel"),
    path("<int:pk>/fremmoede/", meeting_views.AttendanceView.as_view(), name="meeting_attendance"),
    path("<int:pk>/referat/", meeting_views.MinutesView.as_view(), name="meeting_minutes"),
    path("<int:pk>/opfoelgning/ny/", meeting_views.MeetingActionCreateView.as_view(), name="meeting_action_create"),
    path("<int:pk>/opfoelgning/<int:action>/", meeting_views.MeetingActionUpdateView.as_view(), name="meeting_action_update"),
    path("<int:pk>/opfoelgning/<int:action>/fjern/", meeting_views.action_delete, name="meeting_action_delete"),
]

# The volunteer council: /politik/frivilligraad/<municipality>/…
election_patterns = [
    path("", council_views.ElectionDetailView.as_view(), name="election_detail"),
    path("opstil/", council_views.NominateView.as_view(), name="election_nominate"),
    path("stem/", council_views.VoteView.as_view(), name="election_vote"),
    path("aabn-afstemning/", council_views.election_open_voting, name="election_open_voting"),
    path("optael/", council_views.election_count, name="election_count"),
    path("offentliggoer/", council_views.election_publish, name="election_publish"),
    path("kandidat/<int:candidate>/samtykke/", council_views.candidate_consent, name="candidate_consent"),
    path("kandidat/<int:candidate>/traek-tilbage/", council_views.candidate_withdraw, name="candidate_withdraw"),
    path("kandidat/<int:candidate>/godkend/", council_views.candidate_approve, name="candidate_approve"),
    path("kandidat/<int:candidate>/afvis/", council_views.candidate_reject, name="candidate_reject"),
]

council_patterns = [
    path("", council_views.CouncilListView.as_view(), name="council_list"),
    path("<slug:municipality>/", council_views.CouncilDetailView.as_view(), name="council_detail"),
    path("<slug:municipality>/opret/", council_views.CouncilCreateView.as_view(), name="council_create"),
    path("<slug:municipality>/vedtaegter/", council_views.StatutesAdoptView.as_view(), name="council_statutes"),
    path("<slug:municipality>/periode/ny/", council_views.TermAppointView.as_view(), name="council_term_appoint"),
    path("<slug:municipality>/periode/<int:term>/medlemmer/", council_views.CouncilMembersView.as_view(), name="council_members"),
    path("<slug:municipality>/medlem/<int:member>/udtraeder/", council_views.member_leave, name="council_member_leave"),
    path("<slug:municipality>/formand/<int:term>/", council_views.council_chair, name="council_chair"),
    path("<slug:municipality>/valg/nyt/", council_views.ElectionOpenView.as_view(), name="election_open"),
    path("<slug:municipality>/valg/<int:pk>/", include(election_patterns)),
]

urlpatterns = [
    # Before "<slug>/", which would take "mine-planer", "hoeringer", "moeder", "frivilligraad" or
    # "kommuner" for a policy's address.
    path("mine-planer/", views.MyPlansView.as_view(), name="my_plans"),
    path(
        "kommuner/<slug:municipality>/indstillinger/",
        municipality_views.MunicipalitySettingsView.as_view(),
        name="municipality_settings",
    ),
    path("hoeringer/", include(hearing_patterns)),
    path("moeder/", include(meeting_patterns)),
    path("frivilligraad/", include(council_patterns)),
    path("<slug:slug>/", views.PolicyDetailView.as_view(), name="policy_detail"),
    path("<slug:slug>/overblik/", views.PolicyOverviewView.as_view(), name="policy_overview"),
    path("<slug:slug>/planer/<slug:administration>/", include(plan_patterns)),
]
