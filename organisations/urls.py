from django.urls import path

from organisations.views import calendar, directory, manage, premises, selfservice

app_name = "organisations"

# Fixed addresses first: an organisation's page is /vejviser/<municipality>/<slug>/.
urlpatterns = [
    path("", directory.DirectoryView.as_view(), name="directory"),
    path("eksport.csv", directory.directory_csv, name="directory_csv"),
    path("eksport.xlsx", directory.directory_xlsx, name="directory_xlsx"),
    # Self-service
    path("tilmeld/", selfservice.RequestAccountView.as_view(), name="request_account"),
    path("tilmeld/modtaget/", selfservice.RequestReceivedView.as_view(), name="request_received"),
    path(
        "invitation/<uidb64>/<token>/", selfservice.AcceptInvitationView.as_view(), name="accept_invitation"
    ),
    path("mine/", selfservice.MyOrganisationsView.as_view(), name="mine"),
    # The municipality's handling
    path("behandling/", manage.ManageView.as_view(), name="manage"),
    path("behandling/inviter/", manage.InviteView.as_view(), name="invite"),
    path("behandling/import/", manage.ImportView.as_view(), name="import"),
    path("behandling/<int:pk>/godkend/", manage.ApproveView.as_view(), name="approve"),
    path("behandling/<int:pk>/afvis/", manage.RejectView.as_view(), name="reject"),
    path("behandling/<int:pk>/skjul/", manage.HideView.as_view(), name="hide"),
    path("behandling/<int:pk>/vis/", manage.ShowView.as_view(), name="show"),
    path("behandling/sletning/<int:pk>/", manage.DeletionDecisionView.as_view(), name="deletion_decision"),
    # The calendar
    path("kalender/", calendar.CalendarView.as_view(), name="calendar"),
    path("kalender.ics", calendar.calendar_ical, name="calendar_ical"),
    path("aktiviteter/<int:pk>/", calendar.ActivityDetailView.as_view(), name="activity_detail"),
    path("aktiviteter/<int:pk>/rediger/", calendar.ActivityUpdateView.as_view(), name="activity_edit"),
    path("aktiviteter/<int:pk>/slet/", calendar.ActivityDeleteView.as_view(), name="activity_delete"),
    # Premises and bookings
    path("lokaler/", premises.RoomListView.as_view(), name="premises_list"),
    path("lokaler/bookinger/", premises.MyBookingsView.as_view(), name="my_bookings"),
    path("lokaler/bookinger/<int:pk>/", premises.BookingDetailView.as_view(), name="booking_detail"),
    path("lokaler/bookinger/<int:pk>/annuller/", premises.booking_cancel, name="booking_cancel"),
    path("lokaler/bookinger/<int:pk>/afgoer/", premises.booking_decide, name="booking_decide"),
    path("lokaler/behandling/", premises.BookingRequestsView.as_view(), name="booking_requests"),
    path("lokaler/foto/<int:pk>/", premises.photo, name="photo"),
    path("lokaler/<slug:municipality>/<slug:premises>/", premises.PremisesDetailView.as_view(), name="premises_detail"),
    path(
        "lokaler/<slug:municipality>/<slug:premises>/<slug:room>/", premises.RoomDetailView.as_view(), name="room_detail"
    ),
    path("lokaler/<slug:municipality>/<slug:premises>/<slug:room>/kalender.ics", premises.room_ical, name="room_ical"),
    path(
        "lokaler/<slug:municipality>/<slug:premises>/<slug:room>/reserver/",
        premises.BookingCreateView.as_view(),
        name="booking_create",
    ),
    # One organisation
    path("<slug:municipality>/<slug:slug>/", directory.OrganisationDetailView.as_view(), name="detail"),
    path("<slug:municipality>/<slug:slug>/rediger/", selfservice.OrganisationUpdateView.as_view(), name="edit"),
    path("<slug:municipality>/<slug:slug>/data/", selfservice.OrganisationDataView.as_view(), name="data"),
    path("<slug:municipality>/<slug:slug>/data.json", selfservice.organisation_data_json, name="data_json"),
    path("<slug:municipality>/<slug:slug>/sletning/", selfservice.request_deletion, name="request_deletion"),
    path(
        "<slug:municipality>/<slug:slug>/aktiviteter/ny/",
        calendar.ActivityCreateView.as_view(),
        name="activity_create",
    ),
    path("<slug:municipality>/<slug:slug>/kalender.ics", calendar.organisation_ical, name="organisation_ical"),
]
