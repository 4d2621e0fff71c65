package faceidmsg

// This file is the catalogue: every code the service documents, the message
// that explains it to the person holding the phone, and what an app should do
// with it. It is the single place where codes, categories and hints are
// decided; locale files hold only text.

// unknownMessageID is the templated message used for codes the catalogue does
// not know. Its text must contain {{.Code}}.
const (
	unknownMessageID = "UnknownCode"
	// hiddenMessageID says the same without the code, for codes that are
	// not shown because they have characters no service code has.
	hiddenMessageID = "UnknownCodeHidden"
	unknownHintID   = "StartOverHint"
)

// codeEntry is one row of the catalogue.
type codeEntry struct {
	ns    Namespace
	code  string   // as the service writes it
	msg   string   // message ID in the locale files
	cat   Category // what the app should do next
	retry retry    // may the app offer "try again" in the same session
	desc  string   // the seed's English description, verbatim
	note  string   // why, where the category or retry could go two ways
}

// retry says whether the app may offer "try again" in the same session. It
// has a type of its own so that a catalogue row reads mayRetry or noRetry,
// never a bare true or false.
type retry bool

const (
	mayRetry retry = true
	noRetry  retry = false
)

// messageEntry ties a message to the hint shown under it ("" for none).
type messageEntry struct {
	id   string
	hint string
}

// Reasons shared by several rows.
const (
	noteLiveness = "A genuine person can fail in poor conditions, so a retry is allowed; the service itself caps attempts (saas 16)."
	noteCompare  = "Could be read as temporary, but the service's own user-facing docs say it could not tell whether it is the same person, so it is a rejection; a retry in better light is allowed."
	noteRefPhoto = "The comparison photo is the one the app sent when it created the session, so the person cannot replace it inside this session; the app must start a new one with a better photo."
	noteFetch    = "Usually a network or upload failure rather than anything the person did, so it is temporary; the hint asks them to check their connection."
	noteFormat   = "The file is the person's own recording; an unreadable format usually comes from the device or browser, so the person can act by trying again or switching device."
)

// catalog lists every code of the seed, in the seed's order. The seed's fifth
// PaaS row is labelled FailedOperation.LifePhotoDetectFaces but describes "no
// full face"; the real code is FailedOperation.LifePhotoDetectNoFaces, and
// LifePhotoDetectFaces keeps its own meaning, "several faces".
var catalog = []codeEntry{
	{PaaS, "Success", "Success", CategorySuccess, noRetry, "Detection succeeded.", ""},
	{PaaS, "FailedOperation.IdPhotoPoorQuality", "PhotoLowResolution", CategoryUserAction, mayRetry,
		"The identity photo is in a too low resolution. Please upload a new one.",
		"In the compare APIs the app sends the ID photo on every call, usually one the person has just taken, so a new photo fixes it; where the app takes the photo from its own records, treat it as integration."},
	{PaaS, "FailedOperation.LifePhotoDetectFaces", "MultipleFaces", CategoryUserAction, mayRetry, "Several faces were detected.", ""},
	{PaaS, "FailedOperation.LifePhotoDetectFake", "LivenessFailed", CategoryRejected, mayRetry, "Real person comparison failed.", noteLiveness},
	{PaaS, "FailedOperation.LifePhotoDetectNoFaces", "NoFullFace", CategoryUserAction, mayRetry,
		"No full face was detected.",
		"The seed labels this row FailedOperation.LifePhotoDetectFaces; the service's Chinese page, its later English page and both official SDKs name it LifePhotoDetectNoFaces."},
	{PaaS, "FailedOperation.CompareFail", "CompareFailed", CategoryRejected, mayRetry, "Comparison failed.", noteCompare},
	{PaaS, "FailedOperation.CompareLowSimilarity", "NoMatch", CategoryRejected, mayRetry, "The similarity did not reach the passing standard.", noteLiveness},

	{SaaS, "0", "Success", CategorySuccess, noRetry, "Succeeded.", ""},
	{SaaS, "1", "RequestInvalid", CategoryIntegration, noRetry, "An invalid request. Some parameters are missing.", ""},
	{SaaS, "2", "RequestInvalid", CategoryIntegration, noRetry, "An invalid request. Parameters are incorrect.", ""},
	{SaaS, "3", "RequestInvalid", CategoryIntegration, noRetry, "An invalid service request.", ""},
	{SaaS, "4", "TemporaryError", CategoryTemporary, mayRetry, "An system error.", ""},
	{SaaS, "8", "TemporaryError", CategoryTemporary, mayRetry, "Failed to store the file. Please try again later.", ""},
	{SaaS, "9", "VideoUnreadable", CategoryUserAction, mayRetry, "An invalid file format. Please try again later.", noteFormat},
	{SaaS, "10", "TemporaryError", CategoryTemporary, mayRetry, "An file system error. Please try again later.", ""},
	{SaaS, "11", "TemporaryError", CategoryTemporary, mayRetry, "A file system timeout. Please try again later.", ""},
	{SaaS, "14", "SessionCompleted", CategoryEnded, noRetry, "The verification was finished.", ""},
	{SaaS, "15", "SessionExpired", CategoryEnded, noRetry, "The token expired. Please try again.", ""},
	{SaaS, "16", "TooManyAttempts", CategoryEnded, noRetry, "Too many attempts.", ""},
	{SaaS, "17", "NotFinished", CategoryEnded, noRetry, "The process wasn't finished.",
		"The person could be said to act by starting again, but this session is over without a result, so the app must start a new one."},
	{SaaS, "202", "VideoNotReceived", CategoryTemporary, mayRetry, "Failed to obtain the video.", noteFetch},
	{SaaS, "1001", "TemporaryError", CategoryTemporary, mayRetry, "An error in calling the liveness detection engine API.", ""},
	{SaaS, "1002", "SpoofSuspected", CategoryRejected, noRetry, "Suspected spoofed recording.",
		"Unlike the other liveness failures, the service suspects a replayed or faked recording; offering an instant retry would help an attacker probe, so the app should end the session."},
	{SaaS, "1003", "LivenessFailed", CategoryRejected, mayRetry, "Video-based real person detection failed.", noteLiveness},
	{SaaS, "1004", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Face detection failed due to the failure of extracting the photo for comparison.",
		"No usable face frame came out of the video; steadier framing usually fixes it, so it is user_action rather than rejected."},
	{SaaS, "1005", "LivenessFailed", CategoryRejected, mayRetry, "Liveness detection failed.", noteLiveness},
	{SaaS, "1101", "NoVoice", CategoryUserAction, mayRetry, "No voice was detected.", ""},
	{SaaS, "1102", "FaceCovered", CategoryUserAction, mayRetry, "The face was not fully exposed.", ""},
	{SaaS, "1103", "VoiceNotRecognized", CategoryUserAction, mayRetry, "Voice recognition failed.", ""},
	{SaaS, "1104", "VideoUnreadable", CategoryUserAction, mayRetry, "An invalid video format.", noteFormat},
	{SaaS, "1105", "VideoNotReceived", CategoryTemporary, mayRetry, "Failed to pull the video. Please try again.", noteFetch},
	{SaaS, "1106", "VoiceTooQuiet", CategoryUserAction, mayRetry, "The volume of the video is too low.", ""},
	{SaaS, "1107", "VideoEmpty", CategoryUserAction, mayRetry, "The video is either empty or too small. The video duration should be about 6s.", ""},
	{SaaS, "1108", "VideoLowQuality", CategoryUserAction, mayRetry, "The video resolution is too low.", ""},
	{SaaS, "1109", "LipsNotMoving", CategoryUserAction, mayRetry, "The lip movement range is too small.", ""},
	{SaaS, "1201", "LightTooDim", CategoryUserAction, mayRetry, "The lighting is too dim.", ""},
	{SaaS, "1202", "LightTooBright", CategoryUserAction, mayRetry, "The lighting is too strong.", ""},
	{SaaS, "1203", "FaceTooClose", CategoryUserAction, mayRetry, "The face is too close to the screen.", ""},
	{SaaS, "1204", "FaceOffCenter", CategoryUserAction, mayRetry, "The face is too far right from the screen.", ""},
	{SaaS, "1205", "FaceTooFar", CategoryUserAction, mayRetry, "The face is too far from the screen.", ""},
	{SaaS, "1206", "FaceOffCenter", CategoryUserAction, mayRetry, "The face is too far left from the screen.", ""},
	{SaaS, "1207", "NoEyesClosed", CategoryUserAction, mayRetry, "No eye closing motions were detected.", ""},
	{SaaS, "1208", "FirstActionMissed", CategoryUserAction, mayRetry, "The first motion was not detected.", ""},
	{SaaS, "1209", "NoMouthOpen", CategoryUserAction, mayRetry, "No mouth opening motions were detected.", ""},
	{SaaS, "1210", "NoFullFace", CategoryUserAction, mayRetry, "No full face was detected.", ""},
	{SaaS, "1301", "LivenessFailed", CategoryRejected, mayRetry, "Real person detection failed.", noteLiveness},
	{SaaS, "1302", "LivenessFailed", CategoryRejected, mayRetry, "Real person detection did not reach the passing standard.", noteLiveness},
	{SaaS, "1303", "VideoTooShort", CategoryUserAction, mayRetry, "The video is too short. Please capture a video longer than 2s.", ""},
	{SaaS, "1401", "ReflectionFailed", CategoryRejected, mayRetry, "Reflection-based liveness detection failed.", noteLiveness},
	{SaaS, "2001", "TemporaryError", CategoryTemporary, mayRetry, "An error in calling the comparison engine API.", ""},
	{SaaS, "2004", "PhotoUnusable", CategoryIntegration, noRetry, "The image passed in is too large or too small.", noteRefPhoto},
	{SaaS, "2009", "PhotoUnusable", CategoryIntegration, noRetry, "The image passed in is in a too low resolution. Please upload a new one.", noteRefPhoto},
	{SaaS, "2010", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Face detection failed due to the failure of extracting the photo for comparison.",
		"Same wording as 1004: no usable face frame came out of the video."},
	{SaaS, "2011", "LivenessFailed", CategoryRejected, mayRetry, "Real person comparison failed.", noteLiveness},
	{SaaS, "2012", "MultipleFaces", CategoryUserAction, mayRetry, "Several faces were detected.", ""},
	{SaaS, "2013", "NoFullFace", CategoryUserAction, mayRetry, "No full face was detected.", ""},
	{SaaS, "2014", "PhotoUnusable", CategoryIntegration, noRetry, "The image passed in is in a too low resolution. Please upload a new one.", noteRefPhoto},
	{SaaS, "2015", "CompareFailed", CategoryRejected, mayRetry, "Comparison failed.", noteCompare},
	{SaaS, "2016", "NoMatch", CategoryRejected, mayRetry, "The similarity did not reach the passing standard.", noteLiveness},
}

// messageHints lists every message the catalogue uses, in the order the
// English source file presents them, with its hint.
var messageHints = []messageEntry{
	{"Success", ""},
	{"LightTooDim", "BrighterHint"},
	{"LightTooBright", "LessLightHint"},
	{"FaceTooClose", "FartherHint"},
	{"FaceTooFar", "CloserHint"},
	{"FaceOffCenter", "CenterHint"},
	{"NoFullFace", "WholeFaceHint"},
	{"FaceCovered", "UncoverHint"},
	{"MultipleFaces", "OnlyYouHint"},
	{"FaceCaptureFailed", "SteadyHint"},
	{"NoEyesClosed", "BlinkHint"},
	{"NoMouthOpen", "OpenMouthHint"},
	{"FirstActionMissed", "FollowPromptHint"},
	{"NoVoice", "MicrophoneHint"},
	{"VoiceNotRecognized", "ReadAloudHint"},
	{"VoiceTooQuiet", "SpeakUpHint"},
	{"LipsNotMoving", "LipsHint"},
	{"VideoEmpty", "KeepRecordingHint"},
	{"VideoTooShort", "KeepRecordingHint"},
	{"VideoLowQuality", "CleanLensHint"},
	{"VideoUnreadable", "OtherDeviceHint"},
	{"VideoNotReceived", "ConnectionHint"},
	{"LivenessFailed", "FollowStepsHint"},
	{"ReflectionFailed", "KeepStillHint"},
	{"SpoofSuspected", "MistakeHint"},
	{"CompareFailed", "GoodLightHint"},
	{"NoMatch", "MatchHint"},
	{"PhotoLowResolution", "NewPhotoHint"},
	{"PhotoUnusable", "ReturnToAppHint"},
	{"SessionCompleted", "ReturnToAppHint"},
	{"SessionExpired", "RestartHint"},
	{"NotFinished", "RestartHint"},
	{"TooManyAttempts", "LaterOrSupportHint"},
	{"TemporaryError", "TryLaterHint"},
	{"RequestInvalid", "ContactSupportHint"},
	{unknownMessageID, unknownHintID},
	{hiddenMessageID, unknownHintID},
}
