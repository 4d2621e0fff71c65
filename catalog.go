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
	// noteCaptured: the native SDKs' success callback.
	noteCaptured   = "The native SDK's success callback means the capture finished on the phone, not that the verification passed: the SDK hands back only a token, and the result (which can still be 1002, a suspected spoof, or 2016, no match) comes from GetFaceIdResultIntl or GetSdkVerificationResult on the server. So it is pending, never success."
	noteNotExposed = "脸部未完整露出 means the face is not fully shown, and the service's fix is to face the screen straight on: framing, not a covering, so NoFullFace. App SDK 2017 (facial occlusion) stays on FaceCovered."
	notePull       = "视频拉取失败: the service failed to pull the video on its side (in the compare APIs, from the app's URL), not the person's connection, so the hint does not ask them to check it."
	noteEyeMouth   = "The service names the part (眼睛检测失败, 嘴巴检测失败), but one message has one hint, so the liveness hint stands; it asks for a face in good light, which covers both."
	noteSDKCompare = " In the App SDK's own list these are compare-stage codes about the image passed in, and no user-facing Chinese says otherwise, so they stay on the reference photo."
)

// catalog lists every code of the seed, in the seed's order, then every
// code the service returns beyond it (the 2026 H5 results, the API error
// codes, the App SDK results and the native SDKs' callback codes), each
// with the service's own English. The seed's fifth
// PaaS row is labelled FailedOperation.LifePhotoDetectFaces but describes "no
// full face"; the real code is FailedOperation.LifePhotoDetectNoFaces, and
// LifePhotoDetectFaces keeps its own meaning, "several faces".
var catalog = []codeEntry{
	{PaaS, "Success", "Success", CategorySuccess, noRetry, "Detection succeeded.", ""},
	{PaaS, "FailedOperation.IdPhotoPoorQuality", "PhotoLowResolution", CategoryUserAction, mayRetry,
		"The identity photo is in a too low resolution. Please upload a new one.",
		"In CheckIdCardInformation and the compare APIs the photo is one the person has just taken, so a new photo fixes it, and that is the default. ImageRecognition and ImageRecognitionV2 also return it for the authority's record photo, which the person cannot retake (the service's user-facing Chinese for the H5 twin, 2009: 查询到照片分辨率过低，请通过其他渠道验证); one code has one meaning here, so an app calling those APIs treats it as integration and offers another way to verify."},
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
	{SaaS, "9", "TemporaryError", CategoryTemporary, mayRetry, "An invalid file format. Please try again later.", "The service's current H5 table lists 9 as an internal service error, beside 4, 8, 10 and 11, and its Chinese (文件格式错误) says \"file\", not video: nothing the person did, so temporary, as \"try again later\" says."},
	{SaaS, "10", "TemporaryError", CategoryTemporary, mayRetry, "An file system error. Please try again later.", ""},
	{SaaS, "11", "TemporaryError", CategoryTemporary, mayRetry, "A file system timeout. Please try again later.", ""},
	{SaaS, "14", "SessionCompleted", CategoryEnded, noRetry, "The verification was finished.", "本次校验已完成: this link's flow was already used. It says nothing about the result, so the text says the link was used and never \"complete\" or \"continue\", which read as a pass; the result is the app's to show."},
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
	{SaaS, "1102", "NoFullFace", CategoryUserAction, mayRetry, "The face was not fully exposed.", noteNotExposed},
	{SaaS, "1103", "VoiceNotRecognized", CategoryUserAction, mayRetry, "Voice recognition failed.", ""},
	{SaaS, "1104", "VideoUnreadable", CategoryUserAction, mayRetry, "An invalid video format.", noteFormat},
	{SaaS, "1105", "TemporaryError", CategoryTemporary, mayRetry, "Failed to pull the video. Please try again.", notePull},
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
	{SaaS, "2004", "VideoPhotoUnusable", CategoryUserAction, mayRetry, "The image passed in is too large or too small.", "The English is ambiguous; the service's user-facing Chinese decides: 视频提取照片出错，请重试或更换手机进行验证 (the photo taken from the video failed; try again or use another phone)."},
	{SaaS, "2009", "ComparePhotoUnusable", CategoryIntegration, noRetry, "The image passed in is in a too low resolution. Please upload a new one.", noteRefPhoto + " The service's user-facing Chinese: 查询到照片分辨率过低，请通过其他渠道验证 (use another way to verify)."},
	{SaaS, "2010", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Face detection failed due to the failure of extracting the photo for comparison.",
		"Same wording as 1004: no usable face frame came out of the video."},
	{SaaS, "2011", "LivenessFailed", CategoryRejected, mayRetry, "Real person comparison failed.", noteLiveness},
	{SaaS, "2012", "MultipleFaces", CategoryUserAction, mayRetry, "Several faces were detected.", ""},
	{SaaS, "2013", "NoFullFace", CategoryUserAction, mayRetry, "No full face was detected.", ""},
	{SaaS, "2014", "VideoPhotoUnusable", CategoryUserAction, mayRetry, "The image passed in is in a too low resolution. Please upload a new one.", "The English is ambiguous; the service's user-facing Chinese decides: 视频像素太低无法检测，请更换手机进行验证 (the video's resolution is too low; use another phone)."},
	{SaaS, "2015", "CompareFailed", CategoryRejected, mayRetry, "Comparison failed.", noteCompare},
	{SaaS, "2016", "NoMatch", CategoryRejected, mayRetry, "The similarity did not reach the passing standard.", noteLiveness},

	// H5 results added to the service after the seed (2026-03-10).
	{SaaS, "1409", "TimedOut", CategoryEnded, noRetry, "Verification process timed out", ""},
	{SaaS, "1410", "UserCancelled", CategoryEnded, noRetry, "User exited voluntarily", ""},

	// Codes in Response.Error.Code of the API 3.0 actions, and the compare APIs' Result: the same string means the same thing in both.
	{PaaS, "AuthFailure.InvalidAuthorization", "RequestInvalid", CategoryIntegration, noRetry, "CAM signature/authentication error.", ""},
	{PaaS, "FailedOperation.ActionCloseEye", "NoEyesClosed", CategoryUserAction, mayRetry, "No motions of eye closing are detected.", ""},
	{PaaS, "FailedOperation.ActionFaceClose", "FaceTooClose", CategoryUserAction, mayRetry, "The face is too close to the screen.", ""},
	{PaaS, "FailedOperation.ActionFaceFar", "FaceTooFar", CategoryUserAction, mayRetry, "The face is too far from the screen.", ""},
	{PaaS, "FailedOperation.ActionFaceLeft", "FaceOffCenter", CategoryUserAction, mayRetry, "The face is too far left from the screen.", ""},
	{PaaS, "FailedOperation.ActionFaceRight", "FaceOffCenter", CategoryUserAction, mayRetry, "The face is too far right from the screen.", ""},
	{PaaS, "FailedOperation.ActionFirstAction", "FirstActionMissed", CategoryUserAction, mayRetry, "No movement is detected.", ""},
	{PaaS, "FailedOperation.ActionLightDark", "LightTooDim", CategoryUserAction, mayRetry, "The lighting is too dim.", ""},
	{PaaS, "FailedOperation.ActionLightStrong", "LightTooBright", CategoryUserAction, mayRetry, "The lighting is too strong.", ""},
	{PaaS, "FailedOperation.ActionNodetectFace", "NoFullFace", CategoryUserAction, mayRetry, "Failed to detect a full face.", ""},
	{PaaS, "FailedOperation.ActionOpenMouth", "NoMouthOpen", CategoryUserAction, mayRetry, "No motions of mouth opening are detected.", ""},
	{PaaS, "FailedOperation.CompareLibServiceUnavailable", "TemporaryError", CategoryTemporary, mayRetry, "Comparison library source maintaining, temporarily unavailable", ""},
	{PaaS, "FailedOperation.CompareSystemError", "TemporaryError", CategoryTemporary, mayRetry, "Error calling the comparison engine API.", ""},
	{PaaS, "FailedOperation.CompressVideoError", "VideoUnreadable", CategoryUserAction, mayRetry, "The video compression failed. Please try again or reduce the size of the input video.", ""},
	{PaaS, "FailedOperation.CoveredFace", "FaceCovered", CategoryUserAction, mayRetry, "The face in the picture is blocked, please upload a picture without any blockage", ""},
	{PaaS, "FailedOperation.DbError", "TemporaryError", CategoryTemporary, mayRetry, "(The service publishes no English text for this code.)", ""},
	{PaaS, "FailedOperation.DecryptSystemError", "RequestInvalid", CategoryIntegration, noRetry, "Decryption failed.", ""},
	{PaaS, "FailedOperation.DetectEngineSystemError", "TemporaryError", CategoryTemporary, mayRetry, "The service engine call failed, please try again", ""},
	{PaaS, "FailedOperation.DownLoadError", "TemporaryError", CategoryTemporary, mayRetry, "File download failed.", ""},
	{PaaS, "FailedOperation.DownLoadTimeoutError", "TemporaryError", CategoryTemporary, mayRetry, "File download timed out.", ""},
	{PaaS, "FailedOperation.EmptyImageError", "RequestInvalid", CategoryIntegration, noRetry, "Image content is empty.", ""},
	{PaaS, "FailedOperation.EncryptSystemError", "TemporaryError", CategoryTemporary, mayRetry, "Encryption failed.", ""},
	{PaaS, "FailedOperation.FileSaveError", "TemporaryError", CategoryTemporary, mayRetry, "Failed to store file. Please retry later.", ""},
	{PaaS, "FailedOperation.IdFormatError", "IdDetailsInvalid", CategoryUserAction, mayRetry, "Input identity card number error.", ""},
	{PaaS, "FailedOperation.IdNameMisMatch", "IdDetailsMismatch", CategoryUserAction, mayRetry, "Name and ID card number mismatch. Please verify and try again after.", "The person typed the name or ID number; they can correct it and try again."},
	{PaaS, "FailedOperation.IdNoExistSystem", "IdNumberNotFound", CategoryUserAction, mayRetry, "The number is not found in the database. Please go to the place of household registration to verify.", "库中无此号: no such number in the authority's records. The number is usually typed (ImageRecognition), so a typo is the likeliest cause and a retry is allowed; if it is right, only the issuing office can fix the record, as the service says, not the app's support."},
	{PaaS, "FailedOperation.IdPhotoNoExist", "IdNotFound", CategoryRejected, noRetry, "The photo of this number is not found in the database. Please go to the place of household registration to verify.", "The number exists but its record has no photo: only the issuing office can fix that, as the service says, so the hint sends the person there, not to the app's support."},
	{PaaS, "FailedOperation.IdPhotoSystemNoanswer", "TemporaryError", CategoryTemporary, mayRetry, "The customer database, self-built database, or authentication center failed to return the photo. Try again later.", ""},
	{PaaS, "FailedOperation.IdentityAuthLimitExceeded", "DailyLimit", CategoryEnded, noRetry, "Name/ID card number authentication attempts exceed the daily limit. Please retry the next day.", ""},
	{PaaS, "FailedOperation.ImageBlur", "PhotoLowResolution", CategoryUserAction, mayRetry, "The image is blurry.", "The image is the person's photo of their ID document, so a new photo fixes it."},
	{PaaS, "FailedOperation.ImageDecodeFailed", "RequestInvalid", CategoryIntegration, noRetry, "Image decoding failed.", ""},
	{PaaS, "FailedOperation.ImageNoIdCard", "NoIdInPhoto", CategoryUserAction, mayRetry, "No ID card is detected in the image.", ""},
	{PaaS, "FailedOperation.ImageSizeTooLarge", "RequestInvalid", CategoryIntegration, noRetry, "The image is too large.", ""},
	{PaaS, "FailedOperation.IncompleteFace", "NoFullFace", CategoryUserAction, mayRetry, "No complete face was detected. Please enter a complete face image.", ""},
	{PaaS, "FailedOperation.InvalidTokenParameter", "RequestInvalid", CategoryIntegration, noRetry, "Token not found", ""},
	{PaaS, "FailedOperation.LifePhotoPoorQuality", "FaceCaptureFailed", CategoryUserAction, mayRetry, "The resolution of the image passed in is too low. Please upload a new one.", "The life photo is the person's own selfie; a steadier, clearer capture fixes it."},
	{PaaS, "FailedOperation.LifePhotoSizeError", "RequestInvalid", CategoryIntegration, noRetry, "The image passed in is too large or too small.", ""},
	{PaaS, "FailedOperation.LipFaceIncomplete", "NoFullFace", CategoryUserAction, mayRetry, "The face is not fully exposed.", noteNotExposed},
	{PaaS, "FailedOperation.LipMoveSmall", "LipsNotMoving", CategoryUserAction, mayRetry, "The lip movement range is too small.", ""},
	{PaaS, "FailedOperation.LipNetFailed", "TemporaryError", CategoryTemporary, mayRetry, "Failed to pull the video. Please try again.", notePull},
	{PaaS, "FailedOperation.LipSizeError", "VideoEmpty", CategoryUserAction, mayRetry, "The video is empty or its size is inappropriate. The recording duration should be about 6 seconds.", ""},
	{PaaS, "FailedOperation.LipVideoInvalid", "VideoUnreadable", CategoryUserAction, mayRetry, "The video format is incorrect.", ""},
	{PaaS, "FailedOperation.LipVideoQuaility", "VideoLowQuality", CategoryUserAction, mayRetry, "The video definition is too low.", ""},
	{PaaS, "FailedOperation.LipVoiceDetect", "NoVoice", CategoryUserAction, mayRetry, "No sound is detected.", ""},
	{PaaS, "FailedOperation.LipVoiceLow", "VoiceTooQuiet", CategoryUserAction, mayRetry, "The volume of the video is too low.", ""},
	{PaaS, "FailedOperation.LipVoiceRecognize", "VoiceNotRecognized", CategoryUserAction, mayRetry, "Speech recognition failed.", ""},
	{PaaS, "FailedOperation.LivessBestFrameError", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Face detection failed. Unable to extract the photo for comparison.", ""},
	{PaaS, "FailedOperation.LivessDetectFail", "LivenessFailed", CategoryRejected, mayRetry, "Liveness detection failed.", ""},
	{PaaS, "FailedOperation.LivessDetectFake", "SpoofSuspected", CategoryRejected, noRetry, "Suspected spoofed recording.", ""},
	{PaaS, "FailedOperation.LivessSystemError", "TemporaryError", CategoryTemporary, mayRetry, "Error calling the liveness engine API.", ""},
	{PaaS, "FailedOperation.LivessUnknownError", "LivenessFailed", CategoryRejected, mayRetry, "Video-based real person detection failed.", ""},
	{PaaS, "FailedOperation.NameFormatError", "IdDetailsInvalid", CategoryUserAction, mayRetry, "Input name error.", ""},
	{PaaS, "FailedOperation.OcrFailed", "IdUnreadable", CategoryUserAction, mayRetry, "Ocr recognition failed.", ""},
	{PaaS, "FailedOperation.PoorImageQuality", "FaceCaptureFailed", CategoryUserAction, mayRetry, "The image quality is too poor, please check the image quality", ""},
	{PaaS, "FailedOperation.RequestLimitExceeded", "RequestInvalid", CategoryIntegration, noRetry, "The number of calls exceeded the limit.", "The Chinese, 调用次数超出限制, is a count (quota) limit, unlike RequestLimitExceeded's 频率限制 (frequency): like LimitExceeded it lasts until the operator raises the quota, so the person cannot fix it by waiting a few minutes."},
	{PaaS, "FailedOperation.SilentDetectFail", "LivenessFailed", CategoryRejected, mayRetry, "Real person detection failed.", ""},
	{PaaS, "FailedOperation.SilentEyeLiveFail", "LivenessFailed", CategoryRejected, mayRetry, "Eye detection failed.", noteEyeMouth},
	{PaaS, "FailedOperation.SilentFaceDetectFail", "NoFullFace", CategoryUserAction, mayRetry, "No face is detected in the video.", ""},
	{PaaS, "FailedOperation.SilentFaceQualityFail", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Low face quality.", ""},
	{PaaS, "FailedOperation.SilentFaceWithMaskFail", "FaceCovered", CategoryUserAction, mayRetry, "A face mask is detected.", ""},
	{PaaS, "FailedOperation.SilentMouthLiveFail", "LivenessFailed", CategoryRejected, mayRetry, "Mouth detection failed.", noteEyeMouth},
	{PaaS, "FailedOperation.SilentMultiFaceFail", "MultipleFaces", CategoryUserAction, mayRetry, "Multiple faces are detected in the video.", ""},
	{PaaS, "FailedOperation.SilentPictureLiveFail", "SpoofSuspected", CategoryRejected, noRetry, "The video might be spoofed.", ""},
	{PaaS, "FailedOperation.SilentThreshold", "LivenessFailed", CategoryRejected, mayRetry, "Real person detection did not reach the passing standard.", ""},
	{PaaS, "FailedOperation.SilentTooShort", "VideoTooShort", CategoryUserAction, mayRetry, "The video is too short. Please capture a video longer than 2 seconds.", ""},
	{PaaS, "FailedOperation.StsUnAuthErrError", "RequestInvalid", CategoryIntegration, noRetry, "STS unauthorized.", ""},
	{PaaS, "FailedOperation.UnKnown", "TemporaryError", CategoryTemporary, mayRetry, "Unknown internal error.", ""},
	{PaaS, "FailedOperation.UnregisteredEid", "EidNotRegistered", CategoryEnded, noRetry, "(The service publishes no English text for this code.)", "Mainland only. 该用户未注册E证通，请先注册: the person has not registered for the eID (E证通) and must do so first; not a technical problem, and not one support can fix. This verification is over."},
	{PaaS, "FailedOperation.VideoDecodeFailed", "VideoUnreadable", CategoryUserAction, mayRetry, "Video decoding abnormality", ""},
	{PaaS, "FailedOperation.VideoDurationExceeded", "RequestInvalid", CategoryIntegration, noRetry, "The video duration is too long. The maximum video duration supported by the current interface is 20s.", ""},
	{PaaS, "InternalError", "TemporaryError", CategoryTemporary, mayRetry, "Internal error.", ""},
	{PaaS, "InternalError.ActionLightDark", "LightTooDim", CategoryUserAction, mayRetry, "The lighting is too dim.", ""},
	{PaaS, "InternalError.ActionLightStrong", "LightTooBright", CategoryUserAction, mayRetry, "The lighting is too strong.", ""},
	{PaaS, "InternalError.ActionNodetectFace", "NoFullFace", CategoryUserAction, mayRetry, "Failed to detect a full face.", ""},
	{PaaS, "InternalError.CompareLowSimilarity", "NoMatch", CategoryRejected, mayRetry, "The similarity did not reach the passing standard.", ""},
	{PaaS, "InternalError.EncryptSystemError", "TemporaryError", CategoryTemporary, mayRetry, "Encryption failed.", ""},
	{PaaS, "InternalError.LifePhotoPoorQuality", "FaceCaptureFailed", CategoryUserAction, mayRetry, "The resolution of the image passed in is too low. Please upload a new one.", ""},
	{PaaS, "InternalError.LifePhotoSizeError", "RequestInvalid", CategoryIntegration, noRetry, "The image passed in is too large or too small.", ""},
	{PaaS, "InternalError.UnKnown", "TemporaryError", CategoryTemporary, mayRetry, "Unknown internal error.", ""},
	{PaaS, "InvalidParameter", "RequestInvalid", CategoryIntegration, noRetry, "Invalid parameter.", ""},
	{PaaS, "InvalidParameter.UnsupportEncryptField", "RequestInvalid", CategoryIntegration, noRetry, "Unencrypted fields exist. Refer to the documentation to modify.", ""},
	{PaaS, "InvalidParameterValue", "RequestInvalid", CategoryIntegration, noRetry, "Incorrect parameter value.", ""},
	{PaaS, "InvalidParameterValue.BizTokenExpired", "SessionExpired", CategoryEnded, noRetry, "BizToken expired.", "The same situation as saas 15: the verification link or token expired."},
	{PaaS, "InvalidParameterValue.BizTokenIllegal", "RequestInvalid", CategoryIntegration, noRetry, "Invalid BizToken.", ""},
	{PaaS, "InvalidParameterValue.RuleIdDisabled", "RequestInvalid", CategoryIntegration, noRetry, "(The service publishes no English text for this code.)", ""},
	{PaaS, "InvalidParameterValue.RuleIdNotExist", "RequestInvalid", CategoryIntegration, noRetry, "RuleId does not exist. Go to the eKYC console to apply.", ""},
	{PaaS, "OperationDenied", "RequestInvalid", CategoryIntegration, noRetry, "Operation denied.", ""},
	{PaaS, "RequestLimitExceeded", "TemporaryError", CategoryTemporary, mayRetry, "Number of requests exceeds the frequency limit.", "The app's calls hit the service's rate limit; it passes, so the person can try again after a while."},
	{PaaS, "UnauthorizedOperation", "RequestInvalid", CategoryIntegration, noRetry, "Unauthorized operation.", ""},
	{PaaS, "UnauthorizedOperation.ActivateError", "RequestInvalid", CategoryIntegration, noRetry, "Service activation exception.", ""},
	{PaaS, "UnauthorizedOperation.Activating", "TemporaryError", CategoryTemporary, mayRetry, "Activating the service.", "服务开通中: the service is being switched on, which passes, so temporary."},
	{PaaS, "UnauthorizedOperation.Arrears", "RequestInvalid", CategoryIntegration, noRetry, "The account is in arrears.", ""},
	{PaaS, "UnauthorizedOperation.ChargeStatusException", "RequestInvalid", CategoryIntegration, noRetry, "The billing status is abnormal.", ""},
	{PaaS, "UnauthorizedOperation.NonAuthorize", "RequestInvalid", CategoryIntegration, noRetry, "Identity verification has not been completed for the account.", ""},
	{PaaS, "UnauthorizedOperation.Nonactivated", "RequestInvalid", CategoryIntegration, noRetry, "The service has not been activated.", ""},
	{PaaS, "UnsupportedOperation", "RequestInvalid", CategoryIntegration, noRetry, "Unsupported operation.", ""},
	{PaaS, "FailedOperation.OcrWarningOccurred", "IdNotAccepted", CategoryRejected, noRetry, "OCR alarm occurred; portrait comparison stopped (returned in Result with Warnings)", "An OCR alarm the app enabled stopped the comparison. About half the alarms are capture faults a retake fixes (-9101 border, -9105 occlusion, -9107 glare, -9108/-8001 blur), half authenticity alarms (-9102 photocopy, -9103 recapture, -9104/-9106 edited). One code has one meaning here, so it keeps the cautious one (no instant retry, as for a suspected spoof); Response reads CheckIdCardInformation.Warnings into Details, so an app can offer a retake when only capture alarms fired."},

	// API 3.0 common codes, returned by any action.
	{PaaS, "AuthFailure.SignatureExpire", "RequestInvalid", CategoryIntegration, noRetry, "Signature expired. Timestamp and server time cannot differ by more than five minutes.", ""},
	{PaaS, "AuthFailure.SignatureFailure", "RequestInvalid", CategoryIntegration, noRetry, "Invalid signature.", ""},
	{PaaS, "AuthFailure.SecretIdNotFound", "RequestInvalid", CategoryIntegration, noRetry, "Key does not exist.", ""},
	{PaaS, "AuthFailure.InvalidSecretId", "RequestInvalid", CategoryIntegration, noRetry, "Invalid key (not a TencentCloud API key type).", ""},
	{PaaS, "AuthFailure.TokenFailure", "RequestInvalid", CategoryIntegration, noRetry, "Token error.", ""},
	{PaaS, "AuthFailure.UnauthorizedOperation", "RequestInvalid", CategoryIntegration, noRetry, "The request is not authorized.", ""},
	{PaaS, "AuthFailure.MFAFailure", "RequestInvalid", CategoryIntegration, noRetry, "MFA failed.", ""},
	{PaaS, "InvalidAction", "RequestInvalid", CategoryIntegration, noRetry, "The API does not exist.", ""},
	{PaaS, "MissingParameter", "RequestInvalid", CategoryIntegration, noRetry, "A parameter is missing.", ""},
	{PaaS, "UnknownParameter", "RequestInvalid", CategoryIntegration, noRetry, "Unknown parameter.", ""},
	{PaaS, "NoSuchVersion", "RequestInvalid", CategoryIntegration, noRetry, "The API version does not exist.", ""},
	{PaaS, "UnsupportedRegion", "RequestInvalid", CategoryIntegration, noRetry, "API does not support the requested region.", ""},
	{PaaS, "UnsupportedProtocol", "RequestInvalid", CategoryIntegration, noRetry, "HTTP(S) request protocol error.", ""},
	{PaaS, "LimitExceeded", "RequestInvalid", CategoryIntegration, noRetry, "Quota limit exceeded.", ""},
	{PaaS, "IpInBlacklist", "RequestInvalid", CategoryIntegration, noRetry, "Your IP is in uin IP blacklist.", ""},
	{PaaS, "IpNotInWhitelist", "RequestInvalid", CategoryIntegration, noRetry, "Your IP is not in uin IP whitelist.", ""},
	{PaaS, "ActionOffline", "RequestInvalid", CategoryIntegration, noRetry, "This API has been deprecated.", ""},
	{PaaS, "ResourceUnavailable", "TemporaryError", CategoryTemporary, mayRetry, "Resource is unavailable.", ""},
	{PaaS, "DryRunOperation", "RequestInvalid", CategoryIntegration, noRetry, "DryRun Operation.", ""},

	// App SDK results: GetFaceIdResultIntl.Result and GetSdkVerificationResult, numbers written as strings.
	{AppSDK, "0", "Success", CategorySuccess, noRetry, "Success.", ""},
	{AppSDK, "1001", "TemporaryError", CategoryTemporary, mayRetry, "Failed to call the liveness engine.", ""},
	{AppSDK, "1002", "SpoofSuspected", CategoryRejected, noRetry, "Suspected spoofed recording.", ""},
	{AppSDK, "1004", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Face detection failed.", ""},
	{AppSDK, "1005", "LivenessFailed", CategoryRejected, mayRetry, "Liveness detection failed.", ""},
	{AppSDK, "1201", "LightingPoor", CategoryUserAction, mayRetry, "Lighting is too dark or overexposed.", ""},
	{AppSDK, "2004", "ComparePhotoUnusable", CategoryIntegration, noRetry, "The image passed in is too large or too small.", noteRefPhoto + noteSDKCompare},
	{AppSDK, "2012", "MultipleFaces", CategoryUserAction, mayRetry, "Multiple faces detected.", ""},
	{AppSDK, "2013", "NoFullFace", CategoryUserAction, mayRetry, "No face was detected, or the face detected was incomplete.", ""},
	{AppSDK, "2014", "ComparePhotoUnusable", CategoryIntegration, noRetry, "The image resolution is too low or the quality does not meet the requirements.", noteRefPhoto + noteSDKCompare},
	{AppSDK, "2015", "CompareFailed", CategoryRejected, mayRetry, "Face comparison failed.", ""},
	{AppSDK, "2016", "NoMatch", CategoryRejected, mayRetry, "The similarity did not reach the standard passing threshold.", ""},
	{AppSDK, "2017", "FaceCovered", CategoryUserAction, mayRetry, "Facial occlusion detected.", ""},
	{AppSDK, "-999", "NotFinished", CategoryEnded, noRetry, "The verification process wasn't finished.", ""},

	// eKYC SDK, Android: EkycHyCallBack.onFail error codes.
	{EKYCAndroid, "12000", "UserCancelled", CategoryEnded, noRetry, "The user canceled the operation", ""},
	{EKYCAndroid, "12001", "NoConnection", CategoryTemporary, mayRetry, "The network request failed", ""},
	{EKYCAndroid, "12002", "IdUnreadable", CategoryUserAction, mayRetry, "Error caused by OCR recognition exception", ""},
	{EKYCAndroid, "12003", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Exception caused by local face authentication failure", ""},
	{EKYCAndroid, "12004", "SessionExpired", CategoryEnded, noRetry, "Invalid token", "A token that is no longer valid has usually expired, as saas 15 does."},
	{EKYCAndroid, "12005", "IdNotAccepted", CategoryRejected, noRetry, "Failed to perform local card and certificate authentication", "本地卡证鉴伪失败: the local anti-forgery check of the ID failed, an authenticity failure, not a legibility one; as for the server's OCR alarms and a suspected spoof, no instant retry."},
	{EKYCAndroid, "12006", "RequestInvalid", CategoryIntegration, noRetry, "Failed to initialize the eKYC SDK", ""},
	{EKYCAndroid, "12007", "RequestInvalid", CategoryIntegration, noRetry, "Failed to start parameter verification", ""},
	{EKYCAndroid, "12008", "TemporaryError", CategoryTemporary, mayRetry, "Failed to return the face authentication result", "人脸核身结果返回失败: the result did not reach the phone; the verification may have finished, and been billed, on the server. The app's server queries GetSdkVerificationResult with the ekycToken before it asks the person to try again."},
	{EKYCAndroid, "12009", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Failed to perform the local face authentication", ""},

	// eKYC SDK, iOS: TXYVerifiKitProcessFailedBlock error codes.
	{EKYCiOS, "0", "CaptureDone", CategoryPending, noRetry, "Detection succeeded", noteCaptured},
	{EKYCiOS, "-1", "CheckFailed", CategoryRejected, mayRetry, "Detection failed", "HY_VERIFI_FAIL, 检测失败: the SDK's generic failure, which does not say why; the reason is in GetSdkVerificationResult. The text names no cause, and a retry is allowed as for the liveness failures."},
	{EKYCiOS, "-2", "IdUnreadable", CategoryUserAction, mayRetry, "Card and certificate recognition failed", ""},
	{EKYCiOS, "-4", "TemporaryError", CategoryTemporary, mayRetry, "Internal error of FaceID eKYC", ""},
	{EKYCiOS, "310", "RequestInvalid", CategoryIntegration, noRetry, "Initialization parameter exception", ""},
	{EKYCiOS, "311", "RequestInvalid", CategoryIntegration, noRetry, "Bundle configuration exception", ""},
	{EKYCiOS, "312", "RequestInvalid", CategoryIntegration, noRetry, "YouTu configuration exception", ""},
	{EKYCiOS, "313", "RequestInvalid", CategoryIntegration, noRetry, "Failed to call the initialization API first", ""},
	{EKYCiOS, "314", "RequestInvalid", CategoryIntegration, noRetry, "SDK authorization failed", ""},
	{EKYCiOS, "315", "UserCancelled", CategoryEnded, noRetry, "The user manually canceled the detection", ""},
	{EKYCiOS, "316", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Local face authentication with the SDK failed", ""},
	{EKYCiOS, "317", "CameraUnavailable", CategoryUserAction, mayRetry, "Failed to enable the camera", ""},
	{EKYCiOS, "318", "LeftTheApp", CategoryEnded, noRetry, "Do not switch the application during identity verification", ""},
	{EKYCiOS, "319", "CameraUnavailable", CategoryUserAction, mayRetry, "Camera permission exception", ""},
	{EKYCiOS, "320", "TemporaryError", CategoryTemporary, mayRetry, "Failed to trim the video", ""},
	{EKYCiOS, "321", "RequestInvalid", CategoryIntegration, noRetry, "Invalid reflection data format", ""},
	{EKYCiOS, "322", "TemporaryError", CategoryTemporary, mayRetry, "Error in getting reflection data", ""},

	// Selfie Verification SDK, Android: error codes of its callback.
	{SelfieAndroid, "210", "NoConnection", CategoryTemporary, mayRetry, "Network request exception.", ""},
	{SelfieAndroid, "211", "RequestInvalid", CategoryIntegration, noRetry, "Check failed during local SDK initialization (license file missing or expired).", ""},
	{SelfieAndroid, "212", "UserCancelled", CategoryEnded, noRetry, "The user actively cancels the liveness detection and face comparison process.", ""},
	{SelfieAndroid, "213", "TemporaryError", CategoryTemporary, mayRetry, "An internal exception of the SDK stopped the process.", ""},
	{SelfieAndroid, "214", "LeftTheApp", CategoryEnded, noRetry, "Applications were switched during the process, so it was stopped.", ""},
	{SelfieAndroid, "215", "CameraUnavailable", CategoryUserAction, mayRetry, "An exception occurred while getting the camera.", ""},
	{SelfieAndroid, "216", "RequestInvalid", CategoryIntegration, noRetry, "The method was called before init().", ""},
	{SelfieAndroid, "217", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Local face detection failed.", ""},
	{SelfieAndroid, "218", "CameraUnavailable", CategoryUserAction, mayRetry, "The permissions required by the local SDK are insufficient.", ""},
	{SelfieAndroid, "219", "RequestInvalid", CategoryIntegration, noRetry, "The integrator stopped the process (reflectSequence of startAuthByLightData is null).", ""},
	{SelfieAndroid, "220", "RequestInvalid", CategoryIntegration, noRetry, "Failed to verify the light sequence parameter.", ""},
	{SelfieAndroid, "221", "RequestInvalid", CategoryIntegration, noRetry, "Light-sequence setter called before device configuration was obtained.", ""},
	{SelfieAndroid, "222", "MovementTimedOut", CategoryUserAction, mayRetry, "Local motion detection timed out.", "A timeout inside the native SDK: the person is still in the app, which can start the SDK again at once (the SdkToken lives 72 hours)."},
	{SelfieAndroid, "223", "NoFullFace", CategoryUserAction, mayRetry, "Preparation timed out (camera launch to first face detection).", "No face was found between the camera starting and the timeout: the person is still in the app and can try again at once."},
	{SelfieAndroid, "224", "CameraUnavailable", CategoryUserAction, mayRetry, "Failed to apply for the camera permission inside the SDK.", ""},

	// Selfie Verification SDK, iOS: error codes of its callback.
	{SelfieiOS, "0", "CaptureDone", CategoryPending, noRetry, "Successful", noteCaptured},
	{SelfieiOS, "210", "RequestInvalid", CategoryIntegration, noRetry, "Parameter initialization exception", ""},
	{SelfieiOS, "211", "RequestInvalid", CategoryIntegration, noRetry, "Bundle configuration exception", ""},
	{SelfieiOS, "212", "RequestInvalid", CategoryIntegration, noRetry, "YouTu configuration exception", ""},
	{SelfieiOS, "213", "RequestInvalid", CategoryIntegration, noRetry, "Call the API for initialization first", ""},
	{SelfieiOS, "214", "RequestInvalid", CategoryIntegration, noRetry, "SDK authorization failure", ""},
	{SelfieiOS, "215", "UserCancelled", CategoryEnded, noRetry, "Manually canceled by user", ""},
	{SelfieiOS, "216", "FaceCaptureFailed", CategoryUserAction, mayRetry, "Local face detection failure of SDK", ""},
	{SelfieiOS, "217", "CameraUnavailable", CategoryUserAction, mayRetry, "Failed to enable the camera", ""},
	{SelfieiOS, "218", "LeftTheApp", CategoryEnded, noRetry, "Do not switch the application during liveness detection and face comparison", ""},
	{SelfieiOS, "219", "CameraUnavailable", CategoryUserAction, mayRetry, "Camera permission exception", ""},
	{SelfieiOS, "220", "TemporaryError", CategoryTemporary, mayRetry, "Failed to clip the video", ""},
	{SelfieiOS, "221", "RequestInvalid", CategoryIntegration, noRetry, "Incorrect light data format", ""},
}

// messageHints lists every message the catalogue uses, in the order the
// English source file presents them, with its hint.
var messageHints = []messageEntry{
	{"Success", ""},
	{"CaptureDone", ""},
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
	{"VideoLowQuality", "OtherPhoneHint"},
	{"VideoPhotoUnusable", "OtherPhoneHint"},
	{"VideoUnreadable", "OtherDeviceHint"},
	{"VideoNotReceived", "ConnectionHint"},
	{"LivenessFailed", "GoodLightHint"},
	{"ReflectionFailed", "KeepStillHint"},
	{"SpoofSuspected", "MistakeHint"},
	{"CompareFailed", "GoodLightHint"},
	{"NoMatch", "MatchHint"},
	{"PhotoLowResolution", "NewPhotoHint"},
	{"SessionCompleted", "SeeResultHint"},
	{"SessionExpired", "RestartHint"},
	{"NotFinished", "RestartHint"},
	{"TooManyAttempts", "LaterOrSupportHint"},
	{"TemporaryError", "TryLaterHint"},
	{"RequestInvalid", "ContactSupportHint"},
	{"TimedOut", "RestartHint"},
	{"UserCancelled", "RestartHint"},
	{"LeftTheApp", "StayInAppHint"},
	{"CameraUnavailable", "CameraHint"},
	{"NoConnection", "ConnectionHint"},
	{"LightingPoor", "EvenLightHint"},
	{"IdDetailsMismatch", "CheckDetailsHint"},
	{"IdDetailsInvalid", "CheckDetailsHint"},
	{"IdNumberNotFound", "IssuingOfficeHint"},
	{"IdNotFound", "OfficeHint"},
	{"NoIdInPhoto", "NewPhotoHint"},
	{"IdUnreadable", "NewPhotoHint"},
	{"DailyLimit", "TomorrowHint"},
	{"IdNotAccepted", "MistakeHint"},
	{"ComparePhotoUnusable", "OtherWayHint"},
	{"MovementTimedOut", "FollowPromptHint"},
	{"CheckFailed", "TryAgainHint"},
	{"EidNotRegistered", "RegisterEidHint"},
	{unknownMessageID, unknownHintID},
	{hiddenMessageID, unknownHintID},
}
