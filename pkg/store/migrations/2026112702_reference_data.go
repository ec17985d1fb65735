package migrations

import "gorm.io/gorm"

// Snapshot structs of the reference rows as they were when this step was
// written.
type refBranch struct{ Code, Name, Description string }
type refStream struct{ Code, Name, Description string }
type refTag struct{ Code, Name, Description, Kind string }

// referenceData seeds the two branches, the three streams and the
// organisations, frameworks and partner countries of the domain.
func referenceData(tx *gorm.DB, _ Dialect) error {
	branches := []refBranch{
		{"CPP", "Cooperation Policy and Programmes Branch", "Policy, programmes, relations with international and non-governmental organisations."},
		{"MC", "Military Cooperation Branch", "Relations with individual partner countries."},
	}
	streams := []refStream{
		{"io", "Cooperation with international organisations", "Options and concepts to widen military cooperation with the EU, the UN, the AU, the GCC and the OSCE; supporting the practical implementation of that cooperation."},
		{"partners", "Partner activities", "Identifying, developing and guiding cooperative activities with selected partner countries: tailored support, interoperability, capacity building, projecting stability; focus on the eastern and southern flanks."},
		{"strategy", "Cooperative Security strategy review", "Reviewing the division's strategy and concepts: simplifying tools and mechanisms, making them more effective, fitting partners' needs."},
	}
	tags := []refTag{
		{"EU", "European Union", "", "organisation"},
		{"UN", "United Nations", "", "organisation"},
		{"AU", "African Union", "", "organisation"},
		{"OSCE", "Organization for Security and Co-operation in Europe", "", "organisation"},
		{"GCC", "Gulf Cooperation Council", "", "organisation"},
		{"PfP", "Partnership for Peace", "", "framework"},
		{"MD", "Mediterranean Dialogue", "", "framework"},
		{"ICI", "Istanbul Cooperation Initiative", "", "framework"},
		{"PAtG", "Partners Across the Globe", "", "framework"},
		{"UA", "Ukraine", "Strategic partnership.", "country"},
		{"GE", "Georgia", "Strategic partnership.", "country"},
		{"RU", "Russia", "Relations.", "country"},
	}
	if err := tx.Table("branches").Create(&branches).Error; err != nil {
		return err
	}
	if err := tx.Table("streams").Create(&streams).Error; err != nil {
		return err
	}
	return tx.Table("tags").Create(&tags).Error
}
