// How much network the store holds (ICSs and people): zero means empty, so the demo may be seeded.
RETURN COUNT { (:IntegratedCareSystem) } + COUNT { (:Person) } AS total
