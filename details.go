package faceidmsg

// This file is support detail: values the service returns beside a result
// that say more to support staff (which liveness signal fired, which OCR
// warning, how risky the device looked) but are never text for the person
// holding the phone. They are English only, as the service writes them.

// DetailKind names a family of support details. The numbers of one family
// mean nothing in another: the H5 flow and the App SDK number their
// liveness tags differently from 04 on.
type DetailKind string

const (
	// DetailH5LivenessTag: VerificationDetail.LivenessInfoTag of the H5
	// flow, "01" to "14".
	DetailH5LivenessTag DetailKind = "h5-liveness-tag"
	// DetailSDKLivenessTag: LivenessInfoTag of the App SDK results, "01"
	// to "13".
	DetailSDKLivenessTag DetailKind = "sdk-liveness-tag"
	// DetailOCRWarning: an ID document OCR warning (WarnCardInfos), such
	// as "-9102" (photocopy). The service writes them negative in some
	// results and positive in others; both are read.
	DetailOCRWarning DetailKind = "ocr-warning"
	// DetailDeviceRisk: DeviceInfoLevel, "1" (secure) to "4" (high risk),
	// "" when not obtained.
	DetailDeviceRisk DetailKind = "device-risk"
	// DetailAttackRisk: AI Face Shield's AttackRiskDetail.Type and
	// AttackRiskLevel.
	DetailAttackRisk DetailKind = "attack-risk"
)

// Detail returns the service's English for a support detail, and whether
// it is known. It is for logs and support staff, never for the person
// holding the phone.
func Detail(kind DetailKind, value string) (string, bool) {
	if kind == DetailOCRWarning && value != "" && value[0] != '-' {
		value = "-" + value
	}
	s, ok := details[kind][value]
	return s, ok
}

// details are the support details of the service's reference, by kind.
var details = map[DetailKind]map[string]string{
	DetailH5LivenessTag: {
		"01": "User eyes closed throughout",
		"02": "User not completed specified action",
		"03": "Suspected rephotography attack",
		"04": "Suspected Synthesis Attack",
		"05": "Suspected fraudulent template",
		"06": "Suspected watermark",
		"07": "Reflection validation failed",
		"08": "Suspected change of person midway",
		"09": "Poor face quality",
		"10": "Distance validation failed",
		"11": "Suspected adversarial sample attack",
		"12": "Suspected attack traces in the mouth area",
		"13": "Suspected attack traces exist in the eye area",
		"14": "Eye or mouth obstruction",
	},
	DetailSDKLivenessTag: {
		"01": "User kept eyes closed throughout the process.",
		"02": "User failed to complete the specified action.",
		"03": "Suspected photo replay attack.",
		"04": "Suspected synthetic image.",
		"05": "Suspected synthetic video.",
		"06": "Suspected synthetic action.",
		"07": "Suspected fraud template.",
		"08": "Suspected watermark existence.",
		"09": "Light verification failed.",
		"10": "Face verification failed.",
		"11": "Poor face quality.",
		"12": "Unqualified collection quality.",
		"13": "Suspected adversarial sample attack.",
	},
	DetailOCRWarning: {
		"-9101": "Alarm for covered certificate / incomplete border",
		"-9102": "Alarm for photocopied certificate",
		"-9103": "Alarm for photographed (rephotographed) certificate",
		"-9104": "PS (photoshop) alarm [WebVerificationConfigIntl] / temporary ID card alarm [CheckIdCardInformation]",
		"-9107": "Alarm for reflective certificate",
		"-9108": "Alarm for blurry image",
		"-9109": "This capability is not enabled",
		"-9105": "ID card frame occlusion alarm (CheckIdCardInformation only)",
		"-9106": "ID card PS alarm (CheckIdCardInformation only)",
		"-8001": "Blurry image alarm (CheckIdCardInformation only)",
	},
	DetailDeviceRisk: {
		"1": "Secure",
		"2": "Low Risk",
		"3": "Medium Risk",
		"4": "High Risk",
		"":  "Risk level not obtained (empty)",
	},
	DetailAttackRisk: {
		"SuspectedSpoofingAttack":    "Re-photography attack",
		"SuspectedSynthesisImage":    "Suspected synthesized image",
		"SuspectedSynthesisVideo":    "Suspected synthesized video",
		"SuspectedAnomalyAttack":     "Facial features suspected of not being real",
		"SuspectedAdversarialAttack": "Suspected adversarial sample attack",
		"SuspectedBlackIndustry":     "Suspected black-industry batch template attack",
		"SuspectedWatermark":         "Suspected watermark",
		"Low":                        "Low attack risk",
		"Mid":                        "Moderately suspected attack",
		"High":                       "Highly suspected attack (advise: block)",
	},
}
