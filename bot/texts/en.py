"""English messages citizens see, key for key with `bot.texts.th`."""

MESSAGES: dict[str, str] = {
    "menu.title": "Siang · tell the government what needs fixing. Choose one:",
    "menu.report": "Report a problem",
    "menu.opinion": "Opinion / suggestion",
    "menu.follow": "Follow up",
    "menu.help": "Help",
    "menu.my_data": "My data",
    "menu.language": "ภาษาไทย",
    "welcome": (
        "Hello, welcome to Siang 🙏\n"
        "Tell us about a problem in a message, send a photo or share a location. "
        "We pass it to the agency responsible and tell you how it goes."
    ),
    "fallback": "Sorry, I did not understand that. Choose from the menu below, or describe the problem.",
    "unclear": "I'm not sure what you mean 🙏 Choose from the menu, or describe the problem or ask your question.",
    "test": (
        "Message received ✅ Siang is working.\n"
        "When you're ready, describe the problem, send a photo or share a location, or choose from the menu."
    ),
    "slip": "No problem 😊 Anything Siang can help with? Choose from the menu or just type it.",
    "hello_again": "Hello again 😊 How can Siang help? Type it, or choose from the menu.",
    "thanks": "You're welcome 🙏 Anything else? Choose from the menu or just type it.",
    "other_language": (
        "ขออภัยค่ะ เสียงอ่านได้เฉพาะภาษาไทยและภาษาอังกฤษ\n"
        "Sorry, Siang reads Thai and English only.\n"
        "เหตุฉุกเฉิน / Emergency: 191 · 199 · 1669\n"
        "ตำรวจท่องเที่ยว / Tourist Police / 旅游警察 (English, 中文): 1155"
    ),
    "sticker": "Thanks for the sticker 😊 If something needs fixing, describe it or send a photo.",
    "unsupported": "Sorry, I can only read text, photos and locations for now.",
    "empty": "The message was empty. Describe the problem, or choose from the menu.",
    "too_long": (
        "That message is too long ({length:,} characters; the limit is {limit:,}). "
        "It was not saved. Please shorten it and send it again."
    ),
    "cancelled": "Cancelled. Nothing unsent was kept.",
    "nothing_to_cancel": "There is nothing in progress.",
    "timed_out": (
        "Our earlier conversation timed out (no reply for {minutes} minutes), "
        "so that report was not sent. You can start again."
    ),
    "group_intro": (
        "Hello! Siang will post new items and progress in this group. "
        "Citizens report to Siang in a one-to-one chat."
    ),
    "error": "Sorry, something went wrong on our side. Please try again in a moment.",
    "help": (
        "How to use Siang\n"
        "• Report a problem: say what happened and where; add a photo or share a location.\n"
        "• Opinion / suggestion: to the agency responsible or to the province's Citizen Advisory Board.\n"
        "• Follow up: type “follow” or a reference such as SG-7K4M-2Q.\n"
        "• Type “menu” to go back or “cancel” to drop what you are writing, at any time.\n"
        "• “Volunteer”: volunteer work near you; “my volunteering”: your sign-ups, to cancel.\n"
        "• “My data”: see or delete your personal data, and turn notifications on or off."
    ),
    "language.set": "Switched to English.",
    "button.confirm": "Confirm",
    "button.edit": "Edit",
    "button.cancel": "Cancel",
    "button.menu": "Menu",
    "button.share_location": "Share location",
    "button.skip": "Skip",
    "button.send_now": "Send now",
    "button.edit_category": "Change category",
    "button.edit_place": "Change place",
    "button.edit_kind": "Change kind",
    "button.edit_text": "Change text",
    "button.other_category": "Other",
    "button.ask_agency": "Send my question",
    "button.as_complaint": "Report as a problem",
    "button.more": "More categories",
    "button.accept": "Accept",
    "button.decline": "Decline",
    "button.fixed": "Yes, it is fixed",
    "button.not_fixed": "Not fixed yet",
    "button.to_agency": "Agency in charge",
    "button.to_board": "Provincial board",
    "button.opinion": "Opinion",
    "button.suggestion": "Suggestion",
    "button.data_copy": "Copy of my data",
    "button.erase": "Delete my data",
    "button.erase_confirm": "Yes, delete it",
    "button.stop": "Stop notifications",
    "button.resume": "Resume notifications",
    "button.history": "Show progress",
    "report.ask_text": "Tell me what the problem is and where. You can add a photo or share a location.",
    "report.got_photo": "Got the photo. Please describe the problem in a few words.",
    "report.got_location": "Got the location. Please describe the problem in a few words.",
    "report.added_photo": "Photo added to this report.",
    "report.proposal": "Please check before sending: tap “Confirm” if it is right, or “Edit”.",
    "report.two_topics": (
        "Your message also tells of {others}, which may be another agency's. This report goes "
        "as {category}; after sending it, report {others} as a separate message."
    ),
    "report.card_title": "Your report",
    "opinion.card_title": "Your opinion",
    "praise.card_title": "Your praise",
    "praise.thanks": "Thank you for the kind words 🙏 Siang will let the agency know.",
    "praise.ask_where": (
        "Where is the office you want to thank? Type the district, or the office's name "
        "(e.g. “Hang Dong health centre”), or tap “Share location”. Or tap “Skip”."
    ),
    "praise.ask_whom": (
        "Which office should hear your praise? A word is enough, e.g. “municipality”, "
        "“hospital”, “police”. Or tap “Skip”."
    ),
    "field.kind": "Kind",
    "field.category": "Category",
    "field.place": "Place",
    "field.details": "Details",
    "field.photos": "Photos",
    "field.to": "To",
    "field.to_board": "The province's advisory board",
    "field.reference": "Reference",
    "field.status": "Status",
    "field.agency": "Agency",
    "field.note": "Note",
    "field.due": "Due",
    "field.urgency": "Urgency",
    "urgency.high": "urgent ⚠️",
    "place.unknown": "not known yet",
    "place.pin": "shared location ({lat:.5f}, {lon:.5f})",
    "category.unknown": "not known yet",
    "report.edit_what": "What would you like to change?",
    "report.choose_category": "Choose the category that fits best.",
    "report.which_category": "What is this about? Tap one, or “Other” to see every category.",
    "report.choose_kind": "What kind of message is this?",
    "report.ask_new_text": "Type the new text; it replaces the old one.",
    "place.which": (
        "There are several places with that name. Which one?\n{options}\n"
        "Tap one, tap “Share location”, or type the district and province."
    ),
    "place.which_many": (
        "There are many places with that name. Please type the district and province, "
        "or tap “Share location”."
    ),
    "place.which_mueang": "Amphoe Mueang of which province? Type the province, or tap “Share location”.",
    "place.conflict": (
        "Your message says {named}, but the location you shared is in {pinned}. Where is it?"
    ),
    "place.option": "• {label}",
    "question.ask_place": (
        "Which area are you asking about? Then I can name the agency in charge. "
        "Tap “Share location”, type the district and province, or tap “Skip”."
    ),
    "question.answer": (
        "This is handled by {agency}.\n📞 Call their hotline: {hotline}\n"
        "Or tap “Send my question” and Siang will send it to them and bring the answer here."
    ),
    "question.answer_no_hotline": (
        "This is handled by {agency}. Contact them directly, or call the Damrongdhama "
        "hotline 1567.\n"
        "Or tap “Send my question” and Siang will send it to them and bring the answer here."
    ),
    "question.answer_kind": (
        "This is handled by the {kind} for your area.\n📞 Call their hotline: {hotline}\n"
        "Tell me your district or province and I can name the office, or tap “Send my question”."
    ),
    "question.answer_kind_no_hotline": (
        "This is handled by the {kind} for your area, or call the Damrongdhama hotline 1567.\n"
        "Tell me your district or province and I can name the office, or tap “Send my question”."
    ),
    "question.or_complain": "If you want the agency to fix it, tap “Report as a problem” and Siang will file it as a complaint.",
    "question.if_emergency": (
        "⚠️ If someone is hurt, unconscious or in danger right now, call 1669 (medical "
        "emergency) or 191 (police) straight away."
    ),
    "question.answer_unknown": (
        "I can't tell yet which agency handles this 🙏 Call the Damrongdhama hotline 1567 or the "
        "government hotline 1111.\nOr tap “Send my question” and an official will answer."
    ),
    "emergency.call_now": (
        "⚠️ If anyone is in danger now, call right away:\n{lines}\n"
        "Siang will also pass this on as urgent."
    ),
    "emergency.line": "📞 {number} {name}",
    "emergency.fire_rescue": "fire and rescue",
    "emergency.police": "police emergency",
    "emergency.medical": "emergency medical care",
    "emergency.disaster": "disaster relief (DDPM)",
    "emergency.mea": "Metropolitan Electricity Authority (Bangkok, Nonthaburi, Samut Prakan)",
    "emergency.pea": "Provincial Electricity Authority",
    "emergency.tourist_police": "Tourist Police (English and other languages, 24 hours)",
    "emergency.mental_health": "Mental health hotline, Department of Mental Health (24 hours)",
    "report.ask_place": (
        "Where is it? Tap “Share location”, or type the place (soi, road, district and province)."
    ),
    "report.ask_district": (
        "Got it: {place}. Which district? Type the district or subdistrict, or tap “Share "
        "location”, so that the local office gets it."
    ),
    "report.ask_district_of_subdistrict": (
        "Many provinces have a subdistrict of that name. Please add the district and province, "
        "or tap “Share location”."
    ),
    "report.place_not_found": (
        "I could not find that place. Type the district and province, or tap “Share location”."
    ),
    "report.need_text_first": "Please describe the problem in a few words first.",
    "report.choose_to": "Who should receive your opinion: the agency in charge of the matter, or the province's advisory board?",
    "report.ask_opinion_text": "Type your opinion or suggestion.",
    "consent.notice": (
        "Before your first report, a word on personal data (Thailand's PDPA):\n"
        "Siang keeps your messages, photos, locations and chat user id only to pass your report "
        "to the agency, tell you its progress, and, with personal data masked, to learn from the "
        "categories you choose. Only the officials of the agency responsible see your words, "
        "photos and location as they are, to fix the problem; everyone else sees the text with "
        "ID numbers, phone numbers, names and house numbers masked and the location only roughly; "
        "published summaries identify no one. You can see or delete your data at any "
        "time under “My data”.\nDo you accept, so we can send your report?"
    ),
    "consent.reminder_waiting": (
        "Your urgent message is kept. Nothing has been sent yet: the privacy question is still "
        "waiting. Tap “Accept” and Siang sends your first report, then takes up the urgent one "
        "straight away."
    ),
    "consent.reminder": (
        "Your report has not been sent yet: it waits for your answer on personal data. "
        "Tap “Accept” to send it, or “Decline” if you do not want to."
    ),
    "consent.declined": (
        "Understood. Nothing was sent and your message was not kept. "
        "You can report again at any time."
    ),
    "filed.title": "Report received",
    "filed.text": (
        "Received. Your reference is {reference}.\n"
        "It has gone to {agency_name}; you will hear about its progress in this chat."
    ),
    "filed.text_no_agency": (
        "Received. Your reference is {reference}.\n"
        "An official will pass it to the agency responsible; you will hear about it in this chat."
    ),
    "filed.board": "It also went to {board_name}.",
    "filed.question": (
        "Your question has gone to {agency_name}. Your reference is {reference}.\n"
        "You will get the answer in this chat."
    ),
    "filed.question_no_agency": (
        "Question received. Your reference is {reference}.\n"
        "An official will pass it to the agency in charge; the answer will come to this chat."
    ),
    "filed.praise": (
        "Your praise has gone to {agency_name}. Thank you for encouraging them 🙏 "
        "(reference {reference})"
    ),
    "filed.praise_no_agency": (
        "Praise received, thank you 🙏 An official will pass it on (reference {reference})."
    ),
    "filed.duplicate": (
        "This was already reported (reference {duplicate_of_reference}); "
        "you are person number {reporter_number} to report it. Everyone hears each update."
    ),
    "follow.none": (
        "You have no items in progress, and nothing reported from this chat yet 🙏 "
        "If something needs fixing, just tell me."
    ),
    "follow.recent": (
        "You have no items in progress. Your latest reports ({count}): tap a reference to see it."
    ),
    "follow.list": "Your items in progress ({count}). Tap a reference to see its progress.",
    "follow.item": "{reference} · {category} · {status}",
    "follow.as_new": (
        "I can't find a report about {category} that you sent through Siang, so I can send this "
        "one as a new report. Please check it below."
    ),
    "follow.not_found": "No item has the reference {reference}. Please check it.",
    "follow.history_title": "Progress of {reference}",
    "follow.history_line": "{when} · {status}",
    "status.received": "received",
    "status.routed": "sent to the agency",
    "status.accepted": "accepted by the agency",
    "status.in_progress": "in progress",
    "status.resolved": "resolved",
    "status.rejected": "cannot be done",
    "status.forwarded": "forwarded to another agency",
    "status.closed": "closed",
    "kind.complaint": "problem report",
    "kind.suggestion": "suggestion",
    "kind.opinion": "opinion",
    "kind.question": "question",
    "kind.praise": "praise",
    "resolution.ask": "The agency says {reference} is fixed. Is it really fixed?",
    "resolution.thanks_fixed_shared": "Thank you for confirming 🙏 Glad it is fixed.",
    "resolution.thanks_fixed": "Thank you for confirming 🙏 How well was it fixed? (1 poor – 5 excellent)",
    "resolution.reopened": "{reference} has gone back to the agency to fix. We will keep you posted.",
    "resolution.ask_comment": "Got your {rating}-star rating. Anything to add? Type it, or tap “Skip”.",
    "resolution.rated": "Thank you 🙏 Your voice helps make services better.",
    "resolution.not_yours": "{reference} is not one of your reports.",
    "resolution.not_possible": "That cannot be done with {reference} now ({reason}).",
    "data.summary": (
        "What Siang keeps about you:\n"
        "• Channel: {channel} (the platform's user id)\n"
        "• Language: {lang_name}\n"
        "• PDPA consent: {consent}\n"
        "• Notifications: {notifications}\n"
        "• Reports: {items} (texts, locations), with {photos} photos\n"
        "• Categories you picked (kept to teach the system, personal data masked): {picks}\n"
        "• First seen: {since}"
    ),
    "data.copy.head": (
        "A copy of everything Siang keeps about you:\n"
        "• Channel: {channel}, user id {platform_id}\n"
        "• Display name: {name}\n"
        "• PDPA consent: {consent}\n"
        "• Notifications: {notifications}\n"
        "• First seen: {since}\n"
        "• Messages sent to you: {messages}"
    ),
    "data.copy.report": "{reference} · {when} · {kind} · {category} · {status}\n“{text}”",
    "data.copy.report_place": "Place: {place} · {photos} photos",
    "data.copy.rating": "Your rating: {rating} · {comment}",
    "data.copy.update": "– {when} {status}: {note}",
    "data.copy.picks": "Categories you picked ({count}): {picks}",
    "data.copy.volunteering": "Volunteering: {programme} · {when} · {status} · contact given to the organiser: {contact}",
    "data.consent.pending": "not given yet",
    "data.consent.accepted": "accepted on {when}",
    "data.consent.declined": "declined",
    "data.consent.withdrawn": "withdrawn",
    "data.notifications.on": "on",
    "data.notifications.off": "off",
    "data.erase_ask": (
        "Delete your personal data? Texts will have personal data masked, photos and the "
        "categories you chose will be deleted "
        "and your user id replaced by a random one; anonymous statistics are kept. "
        "You will no longer be able to follow your earlier reports in this chat."
    ),
    "data.erased": (
        "Your personal data has been deleted ({items} reports, {media} photos). "
        "If you message again you start as a new user."
    ),
    "data.stopped": "Notifications are off. Turn them back on under “My data”.",
    "data.resumed": "Notifications are on again.",
    "notify.status_changed": "Update on {reference}: {status}",
    "notify.status_note": "Note from the official: {note}",
    "notify.status_detail": "Details: {note}",
    "notify.status_by": "By {agency_name}",
    "notify.agency_new_item": "New item {reference} · {category}\nArea: {area}\n{text}",
    "notify.open": "Open the item",
    "notify.escalation": (
        "{reference} is overdue (due {due}); escalated to level {level}. Agency: {agency_name}"
    ),
    "notify.board_digest": "Weekly summary {week}\n{text}",
    "notify.open_digest": "Read the full digest",
    # Consultations and polls
    "consult.header": "📣 Have your say: {title}",
    "consult.closes": "Answer by {when}; you can change your answer until then.",
    "consult.tap": "Tap an answer below.",
    "consult.free_hint": "Or tap “Write an answer” and type your own.",
    "consult.free_only": "Tap “Write an answer” and type your view.",
    "button.consult_free": "Write an answer",
    "consult.thanks": "Thank you 🙏 Your answer “{option}” is counted. You can change it until {when}.",
    "consult.changed": "Your answer is now “{option}”.",
    "consult.same": "Your answer “{option}” is already counted.",
    "consult.closed": "The consultation “{title}” has closed, so this answer was not counted. Everyone who took part will hear the results.",
    "consult.unknown": "This consultation no longer exists.",
    "consult.ask_free": "Type your view on “{title}” (names, phone numbers and other personal data are masked before it is kept).",
    "consult.free_thanks": "Thank you for your view 🙏 It is kept; type again to change it until {when}.",
    "consult.free_empty": "No answer yet. Type your view, or tap “Cancel”.",
    "consult.results": "📊 Results: {title}\n{total} people answered. Thank you for taking part 🙏",
    "consult.results_line": "• {label}: {count} ({share}%)",
    "consult.results_free": "• Written answers: {count}",
    # Hearing about consultations
    "news.on": "You will hear about consultations in {area} 📣 Type “stop news” to stop at any time.",
    "news.already": "You already hear about consultations in {area}. Type “stop news” to stop at any time.",
    "news.ask_area": "Which area would you like to hear about? Type a province or district.",
    "news.area_unknown": "I could not find that area. Type a province or district again, or tap “Cancel”.",
    "news.off": "No more consultation news. Type “news” to start again at any time.",
    "news.off_none": "You are not receiving consultation news.",
    "button.news_on": "Get news",
    "button.news_off": "Stop news",
    "news.not_now": "All right 🙏 If you change your mind, type “news” at any time.",
    "news.offer": "Would you like to hear when agencies ask citizens in {area} for their views? You can stop at any time.",
    "news.pick_topics": "Which topics in {area} would you like to hear about? Tap them one by one, or “All topics”.",
    "news.topic_unknown": "Tap a topic you would like to hear about, or “All topics”.",
    "news.on_topics": "You will hear about {topics} in {area} 📣 Add other topics if you like. Type “stop news” to stop at any time.",
    "news.already_topics": "You already hear about {topics} in {area}. Add other topics if you like.",
    "news.topics_all": "all topics",
    "button.topics_all": "All topics",
    "news.list_title": "The consultation news you receive:",
    "news.list_line": "{number}. {area}: {topics}",
    "news.list_hint": "Tap “Stop” with a number to stop that area's news, or “Stop news” to stop it all.",
    "news.list_none": "You are not receiving consultation news. Tap “Get news” to start.",
    "button.news_stop_one": "Stop {number}",
    "button.news_list": "My news",
    "news.stopped_one": "No more news from {area}. Your other areas' news goes on.",
    "news.stopped_gone": "You were no longer receiving news from that area.",
    "results.theme": "• {label}: {count} views",
    "results.theme_example": "• {label}: {count} views, e.g. “{example}”",
    "results.theme_other": "Other matters",
    "survey.results": "📊 Survey results: {title}\n{total} people answered. Thank you for taking part 🙏",
    "survey.results_question": "{number}. {text} ({answered} answered)",
    "survey.header": "📝 Survey: {title}",
    "survey.size": "{count} questions; answer by {when}, and change your answers until then.",
    "survey.start_hint": "Tap “Start”. You can stop and carry on later: type “survey”.",
    "button.survey_start": "Start",
    "survey.question": "📝 {title} · question {number}/{total}\n{text}",
    "survey.tap": "Tap an answer, or type its number.",
    "survey.tap_or_type": "Tap an answer, or type your own.",
    "survey.type": "Type your answer (names, phone numbers and other personal data are masked before it is kept).",
    "survey.optional": "This question is optional: tap “Skip”.",
    "survey.changed": "Your answer to question {number} is changed.",
    "survey.pick_option": "Please choose one of the answers: tap it, or type a number from 1 to {count}.",
    "survey.not_optional": "This question needs an answer.",
    "survey.done": "Thank you for answering every question of “{title}” 🙏 You can change an answer until {when}: tap the question.",
    "button.survey_edit": "Edit {number}",
    "survey.closed": "The survey “{title}” has closed, so this answer was not kept. Thank you.",
    "survey.unknown": "This survey no longer exists.",
    "survey.none": "You have no survey left unfinished.",
    "web.title": "Siang · report to the government",
    "web.subtitle": "Chat with Siang; we pass it to the agency responsible",
    "web.placeholder": "Type a message…",
    "web.send": "Send",
    "web.photo": "Send a photo",
    "web.location": "Share location",
    "web.log": "Chat messages",
    "web.you": "You",
    "web.bot": "Siang",
    "web.sending": "Sending…",
    "web.offline": "Could not send. Check your connection and try again.",
    "web.location_unavailable": "Your device's location is not available. Type the place instead (district and province).",
    "web.location_sent": "📍 My location",
    "web.photo_sent": "📷 Photo",
    "photo.too_large": "That photo is too large (up to {limit_mb} MB). Please send a smaller one.",
    "photo.bad_type": "Only JPEG, PNG, GIF or WebP images can be sent.",
    "rate.messages": "You have sent many messages in a short time. Messages sent during the rest of this minute will not be read; please wait a moment and send anything important again.",
    "rate.sessions": "Too many new chats were started from this network. Please try again later.",
    "rate.network": "Too many messages are coming from this network right now. Please wait a moment and send again.",
    # Volunteer programmes
    "menu.volunteer": "Volunteer",
    "button.my_volunteering": "My volunteering",
    "vol.list_title": "🙋 Volunteer work near you. Tap to sign up.",
    "vol.item": "{number}. {title}\n   📍 {place}\n   🗓 {when}\n   {places}",
    "vol.item_requirements": "   Bring: {requirements}",
    "vol.places_left": "{left} of {capacity} places free",
    "vol.places_full": "Full: sign up for the waiting list ({waiting} waiting)",
    "vol.join": "Join {number}. {title}",
    "vol.none": "No volunteer work is open in {area} right now. Please try again later.",
    "vol.ask_area": "Where would you like to volunteer? Type a province or district.",
    "vol.area_unknown": "I could not find that area. Type a province or district again, or tap “Cancel”.",
    "vol.confirmed": "✅ You are signed up for “{title}” and have a place.\n🗓 {when}\n📍 {place}",
    "vol.waitlisted": "“{title}” is full. You are number {position} on the waiting list; if someone cancels you will hear at once.",
    "vol.already_confirmed": "You are already signed up for “{title}” and have a place.",
    "vol.already_waiting": "You are already number {position} on the waiting list for “{title}”.",
    "vol.requirements": "Bring: {requirements}",
    "vol.ask_contact": "The organiser asks for a name and phone number to reach you. Type them (only the organising agency sees them), or tap “Skip”.",
    "vol.contact_kept": "Your contact details are with the organiser. Thank you 🙏",
    "vol.contact_skipped": "Fine: the organiser gets no contact details.",
    "vol.closed": "This volunteer programme no longer takes sign-ups.",
    "vol.unknown": "This volunteer programme is no longer listed.",
    "vol.mine_title": "Your volunteering:",
    "vol.mine_item": "• {title} ({when}): {status}",
    "vol.mine_none": "You have not signed up for any volunteer work. Type “volunteer” to see what is near you.",
    "vol.status.confirmed": "you have a place",
    "vol.status.waitlisted": "waiting list, number {position}",
    "vol.status.cancelled": "cancelled",
    "vol.status.attended": "attended 🙏",
    "vol.status.no_show": "did not attend",
    "vol.status.called_off": "called off by the organiser",
    "vol.quit": "Cancel {number}. {title}",
    "vol.quit_done": "Your sign-up for “{title}” is cancelled.",
    "vol.quit_none": "You have no sign-up for “{title}” to cancel.",
    "vol.quit_refused": "Your sign-up for “{title}” can no longer be cancelled: it has started or is over.",
    "vol.promoted": "🎉 A place came free: you now have a place in “{title}”.\n🗓 {when}\n📍 {place}\nIf you cannot come, tap “Cancel” so the next person gets it.",
    "vol.reminder": "⏰ Reminder: “{title}” starts {when}\n📍 {place}\nIf you cannot come, tap “Cancel” so someone waiting gets your place.",
    "vol.programme_cancelled": "Sorry: the organiser has cancelled “{title}” ({when}).",
    "button.vol_quit": "Cancel",
}
